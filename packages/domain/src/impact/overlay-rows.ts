import type { DownRow, LineageGraph } from './lineage-graph';

/** A parent's row in the `down*` layout from its edges (see LineageGraph.downFrom). */
export function downRow(g: LineageGraph, edges: number[]): DownRow {
  const row: DownRow = {
    child: new Int32Array(edges.length),
    code: new Uint8Array(edges.length),
    from: new Int32Array(edges.length),
    to: new Int32Array(edges.length),
    edges: Int32Array.from(edges),
  };
  edges.forEach((edge, i) => {
    const child = g.edgeChild[edge]!;
    row.child[i] = child;
    row.code[i] = g.edgeType[edge]! * 2 + g.edgeDeclared[edge]!;
    row.from[i] = Math.max(g.edgeFrom[edge]!, g.nodeFrom[child]!);
    row.to[i] = Math.min(g.edgeTo[edge]!, g.nodeTo[child]!);
  });
  return row;
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
