import {
  nodeIndex,
  relationshipKey,
  type LineageDelta,
  type LineageEdgeInput,
  type LineageEdgeKey,
  type LineageGraph,
  type LineageNodeInput,
} from '@lineage/domain';
import type { ChangeFeed } from './change-feed';
import { parseLineageDelta } from './lineage-delta-record';

/** The deltas of the lineage writes in (since, until], or the first version that lacks one. */
export type DeltasBetween = { deltas: LineageDelta[] } | { missing: number };

/**
 * Reads the lineage deltas of versions (since, until] in one query. Every version must have its
 * Change record and every lineage write its delta; otherwise the first version that does not
 * is named, and the caller rebuilds rather than apply a partial history.
 */
export async function deltasBetween(
  changes: ChangeFeed,
  since: number,
  until: number,
): Promise<DeltasBetween> {
  const rows = await changes.between(since, until);
  const deltas: LineageDelta[] = [];
  let expected = since + 1;
  for (const row of rows) {
    if (row.version !== expected) return { missing: expected };
    expected++;
    if (!row.lineageChanged) continue;
    const delta = row.delta === null ? undefined : parseLineageDelta(row.delta, row.version);
    if (!delta) return { missing: row.version };
    deltas.push(delta);
  }
  return expected === until + 1 ? { deltas } : { missing: expected };
}

/**
 * The first edge of `deltas` that names a node the lineage would not hold when it is applied
 * over `graph` (an edge to a node outside the lineage, or to one the projection never saw). A
 * projection then rebuilds rather than guess what the edge joins.
 */
export function edgeToUnknownNode(
  graph: LineageGraph,
  deltas: readonly LineageDelta[],
): LineageEdgeKey | undefined {
  const changed = new Map<string, boolean>();
  const holds = (id: string) => changed.get(id) ?? nodeIndex(graph, id) >= 0;
  for (const delta of deltas) {
    for (const id of delta.removedNodes) changed.set(id, false);
    for (const node of delta.nodes) changed.set(node.id, true);
    const unknown = delta.edges.find((edge) => !holds(edge.from) || !holds(edge.to));
    if (unknown) return unknown;
  }
  return undefined;
}

/**
 * A scan read while writes committed, brought to the version after `deltas`: each node or edge a
 * delta names takes its last state there (or goes), the rest is as scanned (no write touched
 * it). A scan row may be older or newer than a delta; deltas are states, so either way the last
 * one wins. The edges of a removed node go unless a later delta sets them again.
 */
export function scanAfterDeltas(
  nodes: LineageNodeInput[],
  edges: LineageEdgeInput[],
  deltas: readonly LineageDelta[],
): { nodes: LineageNodeInput[]; edges: LineageEdgeInput[] } {
  const lastNodes = new Map<string, LineageNodeInput | null>();
  const lastEdges = new Map<string, LineageEdgeInput | null>();
  const removed = new Set<string>();
  // Keys are built only for scanned edges of children a delta names: a million take a second.
  const namedChildren = new Set<string>();
  for (const delta of deltas) {
    for (const id of delta.removedNodes) {
      lastNodes.set(id, null);
      removed.add(id);
      for (const [key, edge] of lastEdges)
        if (edge && (edge.from === id || edge.to === id)) lastEdges.set(key, null);
    }
    for (const edge of delta.removedEdges) lastEdges.set(relationshipKey(edge), null);
    for (const node of delta.nodes) lastNodes.set(node.id, node);
    for (const edge of delta.edges) lastEdges.set(relationshipKey(edge), edge);
    for (const edge of [...delta.removedEdges, ...delta.edges]) namedChildren.add(edge.from);
  }
  const keptNodes = nodes.filter((node) => !lastNodes.has(node.id));
  const keptEdges = edges.filter(
    (edge) =>
      !removed.has(edge.from) &&
      !removed.has(edge.to) &&
      !(namedChildren.has(edge.from) && lastEdges.has(relationshipKey(edge))),
  );
  for (const node of lastNodes.values()) if (node) keptNodes.push(node);
  for (const edge of lastEdges.values()) if (edge) keptEdges.push(edge);
  return { nodes: keptNodes, edges: keptEdges };
}
