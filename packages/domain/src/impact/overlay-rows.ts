import { grown } from './grown';
import type { DownRow, LineageGraph } from './lineage-graph';

/**
 * A parent's row as one batch of deltas changes it: the row it had, the edges dropped from it
 * and those added. Kept apart rather than as one list of edges, so that the new row copies the
 * old one in blocks: a hub's row holds tens of thousands of children, and rebuilding it edge by
 * edge (each a random read of the edge and child arrays) cost about 3 ms of the API's event
 * loop for every write under it at 1M (2026-12-04).
 */
export class DownRowEdit {
  private readonly dropped = new Set<number>();
  private readonly added: number[] = [];
  /** Some child's own dates changed: its entries are read again. */
  private childrenChanged = false;

  constructor(private readonly base: DownRow) {}

  /** The row's edges now: those kept, then those added. */
  edges(): number[] {
    const kept = [...this.base.edges].filter((edge) => !this.dropped.has(edge));
    return [...kept, ...this.added];
  }

  add(edge: number) {
    this.added.push(edge);
  }

  childChanged() {
    this.childrenChanged = true;
  }

  drop(edge: number) {
    const at = this.added.indexOf(edge);
    if (at >= 0) this.added.splice(at, 1);
    else if (this.base.edges.includes(edge)) this.dropped.add(edge);
  }

  /**
   * The new row: the kept entries copied in blocks between the dropped ones, then the added
   * ones. `lifetimeChanged` holds children whose own dates or kind changed: their entries are
   * read again.
   */
  row(g: LineageGraph, lifetimeChanged: ReadonlySet<number>): DownRow {
    const { base, added } = this;
    if (!this.dropped.size && !this.childrenChanged) return appended(g, base, added);
    const kept = base.edges.length - this.dropped.size;
    const row = emptyRow(kept + added.length);
    const cuts = [...this.dropped].map((edge) => base.edges.indexOf(edge)).sort((a, b) => a - b);
    let at = 0;
    let from = 0;
    for (const cut of [...cuts, base.edges.length]) {
      copyEntries(base, from, cut, row, at);
      at += cut - from;
      from = cut + 1;
    }
    if (lifetimeChanged.size) {
      for (let i = 0; i < kept; i++) {
        if (lifetimeChanged.has(row.child[i]!)) setEntry(g, row, i, row.edges[i]!);
      }
    }
    added.forEach((edge, i) => setEntry(g, row, kept + i, edge));
    return row;
  }
}

/**
 * `row` with `added` after its entries: written past the end of the row's arrays when no later
 * graph has used that end (`grown`, as the edge arrays are), so a steady feed of children under
 * one hub costs each write its own entry, not a copy of the hub's row.
 */
function appended(g: LineageGraph, row: DownRow, added: number[]): DownRow {
  let longer = row;
  for (const edge of added) {
    const child = g.edgeChild[edge]!;
    longer = {
      edges: grown(longer.edges, edge),
      child: grown(longer.child, child),
      code: grown(longer.code, g.edgeType[edge]! * 2 + g.edgeDeclared[edge]!),
      kind: grown(longer.kind, g.kinds[child]!),
      from: grown(longer.from, Math.max(g.edgeFrom[edge]!, g.nodeFrom[child]!)),
      to: grown(longer.to, Math.min(g.edgeTo[edge]!, g.nodeTo[child]!)),
    };
  }
  return longer;
}

function emptyRow(length: number): DownRow {
  return {
    child: new Int32Array(length),
    code: new Uint8Array(length),
    kind: new Uint8Array(length),
    from: new Int32Array(length),
    to: new Int32Array(length),
    edges: new Int32Array(length),
  };
}

function copyEntries(source: DownRow, start: number, end: number, target: DownRow, at: number) {
  if (end <= start) return;
  for (const field of ['child', 'code', 'kind', 'from', 'to', 'edges'] as const) {
    target[field].set(source[field].subarray(start, end), at);
  }
}

/** Entry `i` of `row` for `edge`, read from the graph's edge and node arrays. */
function setEntry(g: LineageGraph, row: DownRow, i: number, edge: number) {
  const child = g.edgeChild[edge]!;
  row.edges[i] = edge;
  row.child[i] = child;
  row.code[i] = g.edgeType[edge]! * 2 + g.edgeDeclared[edge]!;
  row.kind[i] = g.kinds[child]!;
  row.from[i] = Math.max(g.edgeFrom[edge]!, g.nodeFrom[child]!);
  row.to[i] = Math.min(g.edgeTo[edge]!, g.nodeTo[child]!);
}

/** How many built ids sort before `id`. */
export function boundOf(g: LineageGraph, id: string): number {
  let low = 0;
  let high = g.overlay!.sortedCount;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (g.ids[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low;
}
