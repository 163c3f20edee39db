import { NODE_KINDS, type NodeKind } from '../kinds';
import { LINEAGE_RELATIONS, type LineageRelation } from '../relations';
import { NO_END, NO_START, isoDate } from '../validity';
import { applyOverlayDeltas } from './lineage-overlay';
import {
  graphIds,
  nodeCount,
  parentEdgesOf,
  type LineageEdgeInput,
  type LineageGraph,
  type LineageNodeInput,
} from './lineage-graph';

export { compactLineageGraph } from './compact';

/** A lineage edge's identity: at most one edge of a type joins a child to a parent. */
export interface LineageEdgeKey {
  from: string;
  to: string;
  type: LineageRelation;
}

/**
 * What one write did to the lineage, as state rather than steps: `nodes` and `edges` carry
 * their whole lineage state after the write (created, or kind, dates or `declared` changed),
 * `removedNodes` and `removedEdges` are gone (a removed node's edges go with it). Applying a
 * delta twice, or over a scan that already saw part of it, gives the same graph.
 */
export interface LineageDelta {
  /** The graph version the write produced. */
  version: number;
  nodes: LineageNodeInput[];
  edges: LineageEdgeInput[];
  removedNodes: string[];
  removedEdges: LineageEdgeKey[];
}

/**
 * The graph after `deltas`, applied in order, at a cost that follows the deltas rather than the
 * graph (lineage-overlay.ts); the same graph as rebuilding from scratch would give
 * (testing/reference-lineage-deltas.ts), as far as any query can tell. The previous graph is
 * left as it was, for queries still holding it.
 */
export function applyLineageDeltas(
  graph: LineageGraph,
  deltas: readonly LineageDelta[],
): LineageGraph {
  if (!deltas.length) return graph;
  return applyOverlayDeltas(graph, deltas);
}

/**
 * How much of the graph deltas replaced (rows over nodes): past about 5%, searches pay for it
 * and `compactLineageGraph` should be run, off the request path.
 */
export function overlayShare(graph: LineageGraph): number {
  return graph.overlay ? graph.overlay.rows / Math.max(1, nodeCount(graph)) : 0;
}

const dateOrNull = (day: number, open: number) => (day === open ? null : isoDate(day));

/** The graph's nodes as inputs (dates back as ISO days). */
export function lineageNodesOf(graph: LineageGraph): LineageNodeInput[] {
  const removed = graph.overlay?.removed;
  const nodes: LineageNodeInput[] = [];
  graphIds(graph).forEach((id, node) => {
    if (removed?.has(node)) return;
    nodes.push({
      id,
      kind: NODE_KINDS[graph.kinds[node]!] as NodeKind,
      releasedAt: dateOrNull(graph.nodeFrom[node]!, NO_START),
      retiredAt: dateOrNull(graph.nodeTo[node]!, NO_END),
    });
  });
  return nodes;
}

/** The graph's edges as inputs (dates back as ISO days): by index, or by child after deltas. */
export function lineageEdgesOf(graph: LineageGraph): LineageEdgeInput[] {
  const edge = (e: number): LineageEdgeInput => ({
    from: graph.ids[graph.edgeChild[e]!]!,
    to: graph.ids[graph.edgeParent[e]!]!,
    type: LINEAGE_RELATIONS[graph.edgeType[e]!] as LineageRelation,
    declared: graph.edgeDeclared[e] === 1,
    validFrom: dateOrNull(graph.edgeFrom[e]!, NO_START),
    validTo: dateOrNull(graph.edgeTo[e]!, NO_END),
  });
  if (!graph.overlay) return Array.from(graph.edgeChild, (_child, e) => edge(e));
  const removed = graph.overlay.removed;
  const edges: LineageEdgeInput[] = [];
  for (let child = 0; child < nodeCount(graph); child++) {
    if (removed.has(child)) continue;
    for (const e of parentEdgesOf(graph, child)) edges.push(edge(e));
  }
  return edges;
}
