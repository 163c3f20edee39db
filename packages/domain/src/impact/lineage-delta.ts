import { NODE_KINDS, type NodeKind } from '../kinds';
import { LINEAGE_RELATIONS, type LineageRelation } from '../relations';
import { NO_END, NO_START, isoDate } from '../validity';
import {
  buildLineageGraph,
  type LineageEdgeInput,
  type LineageGraph,
  type LineageNodeInput,
} from './lineage-graph';

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

const edgeKey = (edge: LineageEdgeKey) => `${edge.from}\u0000${edge.type}\u0000${edge.to}`;

/**
 * The graph after `deltas`, applied in order. This version rebuilds the arrays; it is the
 * reference any faster one must agree with.
 */
export function applyLineageDeltas(
  graph: LineageGraph,
  deltas: readonly LineageDelta[],
): LineageGraph {
  if (!deltas.length) return graph;
  const nodes = new Map(lineageNodesOf(graph).map((node) => [node.id, node]));
  const edges = new Map(lineageEdgesOf(graph).map((edge) => [edgeKey(edge), edge]));
  for (const delta of deltas) {
    for (const id of delta.removedNodes) nodes.delete(id);
    for (const edge of delta.removedEdges) edges.delete(edgeKey(edge));
    for (const node of delta.nodes) nodes.set(node.id, node);
    for (const edge of delta.edges) edges.set(edgeKey(edge), edge);
  }
  const kept = [...edges.values()].filter((edge) => nodes.has(edge.from) && nodes.has(edge.to));
  return buildLineageGraph([...nodes.values()], kept);
}

const dateOrNull = (day: number, open: number) => (day === open ? null : isoDate(day));

/** The graph's nodes as inputs (dates back as ISO days). */
export function lineageNodesOf(graph: LineageGraph): LineageNodeInput[] {
  return graph.ids.map((id, node) => ({
    id,
    kind: NODE_KINDS[graph.kinds[node]!] as NodeKind,
    releasedAt: dateOrNull(graph.nodeFrom[node]!, NO_START),
    retiredAt: dateOrNull(graph.nodeTo[node]!, NO_END),
  }));
}

/** The graph's edges as inputs (dates back as ISO days). */
export function lineageEdgesOf(graph: LineageGraph): LineageEdgeInput[] {
  return Array.from(graph.edgeChild, (child, edge) => ({
    from: graph.ids[child]!,
    to: graph.ids[graph.edgeParent[edge]!]!,
    type: LINEAGE_RELATIONS[graph.edgeType[edge]!] as LineageRelation,
    declared: graph.edgeDeclared[edge] === 1,
    validFrom: dateOrNull(graph.edgeFrom[edge]!, NO_START),
    validTo: dateOrNull(graph.edgeTo[edge]!, NO_END),
  }));
}
