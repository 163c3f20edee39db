import type { Map as PersistentMap, Set as PersistentSet } from 'immutable';
import type { LineageGraph } from './lineage-graph';

/** One parent's edges to its children, in the `down*` layout (see LineageGraph). */
export interface DownRow {
  child: Int32Array;
  code: Uint8Array;
  /** The child's kind. */
  kind: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  edges: Int32Array;
}

/**
 * What deltas changed, shared between successive graphs. The maps and the set are persistent
 * (immutable.js): each graph's edit makes new ones that share all they did not change, so a
 * write costs what it changed. Copied whole for every write, they had grown to 14 ms a write
 * after 40,000 writes at 1M (2026-12-04), on the API's event loop, long before compaction.
 */
export interface LineageOverlay {
  /** Node indices below this are the built graph's, in id order; later ones were appended. */
  sortedCount: number;
  /** Appended nodes by id. */
  appended: PersistentMap<string, number>;
  /**
   * Per appended node (index - sortedCount): how many built ids sort before its id. Append-only
   * and shared (`grownList`): a graph reads only its own appended nodes' entries.
   */
  appendedBound: number[];
  /** Nodes removed (their index stays, unused). */
  removed: PersistentSet<number>;
  /**
   * 1 where some graph's overlay replaced the row, so a search tests one byte per node before
   * looking in `down` (or `up`); shared by successive graphs and only ever set, so a graph that
   * finds no row of its own there reads the built one.
   */
  downPatched: Uint8Array;
  upPatched: Uint8Array;
  down: PersistentMap<number, DownRow>;
  /** Per child, its edges to its parents (edge indices), replacing the built row. */
  up: PersistentMap<number, Int32Array>;
  /** How many rows are replaced: the graph is rebuilt once this outgrows a share of it. */
  rows: number;
}
/** The edges from a child to its parents (edge indices), whether built or replaced by deltas. */
export function parentEdgesOf(graph: LineageGraph, child: number): Int32Array {
  const overlay = graph.overlay;
  if (overlay?.upPatched[child]) {
    const row = overlay.up.get(child);
    if (row) return row;
  }
  if (overlay && child >= overlay.sortedCount) return EMPTY;
  return graph.upEdges.subarray(graph.upStart[child]!, graph.upStart[child + 1]!);
}

/** A parent's edges to its children in the `down*` layout, built or replaced by deltas. */
export function childRow(graph: LineageGraph, parent: number): DownRow {
  const overlay = graph.overlay;
  if (overlay?.downPatched[parent]) {
    const row = overlay.down.get(parent);
    if (row) return row;
  }
  if (overlay && parent >= overlay.sortedCount) return EMPTY_ROW;
  const start = graph.downStart[parent]!;
  const end = graph.downStart[parent + 1]!;
  return {
    child: graph.downChild.subarray(start, end),
    code: graph.downCode.subarray(start, end),
    kind: graph.downKind.subarray(start, end),
    from: graph.downFrom.subarray(start, end),
    to: graph.downTo.subarray(start, end),
    edges: graph.downEdges.subarray(start, end),
  };
}

const EMPTY = new Int32Array(0);
const EMPTY_ROW: DownRow = {
  child: EMPTY,
  code: new Uint8Array(0),
  kind: new Uint8Array(0),
  from: EMPTY,
  to: EMPTY,
  edges: EMPTY,
};
