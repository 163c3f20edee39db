/** A node as the layout sees it: its kind and label order nodes inside a block. */
export interface LayoutNode {
  id: string;
  label: string;
  kind: string;
}

/** A drawn edge, parent (source) -> child (target), as toCyElements makes them. */
export interface LayoutEdge {
  source: string;
  target: string;
}

export interface GridOptions {
  /** Nodes per row of a block: a hub's hundreds of children wrap instead of one long row. */
  columns: number;
  /** Horizontal distance between node centres: wider than the widest label (ellipsised). */
  cellWidth: number;
  /** Vertical distance between rows inside a block: a node plus its one-line label. */
  rowHeight: number;
  /** Extra room between two blocks (hops), so edges between them can be followed. */
  blockGap: number;
}

export const GRID: GridOptions = { columns: 6, cellWidth: 150, rowHeight: 64, blockGap: 56 };

/**
 * Positions for a lineage view around `focus`: one block per hop, ancestors above, derivatives
 * below, each block a grid of at most `columns` nodes per row, centred under the focus. Inside
 * a block, nodes follow the order of the node they were reached from, then kind, then label,
 * so a parent's children stay together. Labels never share a cell, so none overlap.
 */
export function gridPositions(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  focus: string | undefined,
  options: GridOptions = GRID,
): Map<string, { x: number; y: number }> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const hops = hopsFrom(focus && byId.has(focus) ? focus : nodes[0]?.id, byId, edges);
  // Whatever the walk did not reach (a view's stray piece) goes in a last block of its own.
  const last = Math.max(0, ...[...hops.values()].map((hop) => hop.layer)) + 1;
  for (const node of nodes)
    if (!hops.has(node.id)) hops.set(node.id, { layer: last, from: undefined });

  const layers = [...new Set([...hops.values()].map((hop) => hop.layer))].sort((a, b) => a - b);
  const rank = new Map<string, number>();
  const blocks = new Map<number, string[]>();
  // Order the blocks nearest the focus first, so a block can sort by its anchors' order.
  for (const layer of [...layers].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b)) {
    const members = [...hops.entries()].filter(([, hop]) => hop.layer === layer);
    const key = ([id, hop]: (typeof members)[number]) => {
      const node = byId.get(id)!;
      return [id === focus ? -1 : 0, rank.get(hop.from ?? '') ?? -1, node.kind, node.label, id];
    };
    members.sort((a, b) => compare(key(a), key(b)));
    members.forEach(([id], index) => rank.set(id, index));
    blocks.set(
      layer,
      members.map(([id]) => id),
    );
  }

  const positions = new Map<string, { x: number; y: number }>();
  const { columns, cellWidth, rowHeight } = options;
  /** Lays `ids` out as a grid from `top`; answers the y of its last row. */
  const place = (ids: string[], top: number) => {
    ids.forEach((id, index) => {
      const row = Math.floor(index / columns);
      const inRow = Math.min(columns, ids.length - row * columns);
      const column = index % columns;
      positions.set(id, { x: (column - (inRow - 1) / 2) * cellWidth, y: top + row * rowHeight });
    });
    return top + (Math.ceil(ids.length / columns) - 1) * rowHeight;
  };
  // The focus has a row of its own, centred; what shares its hop (siblings) follows.
  const rowsFor = (layer: number) => {
    const ids = blocks.get(layer) ?? [];
    return layer === 0 && ids[0] === focus && ids.length > 1 ? [[ids[0]!], ids.slice(1)] : [ids];
  };
  const height = (layer: number) =>
    rowsFor(layer).reduce((sum, ids) => sum + Math.ceil(ids.length / columns) * rowHeight, 0) -
    rowHeight;
  const step = rowHeight + options.blockGap;
  // The focus's block starts at y = 0; ancestors stack upwards, derivatives downwards.
  let top = 0;
  for (const layer of layers.filter((l) => l >= 0)) {
    let y = top;
    for (const ids of rowsFor(layer)) y = place(ids, y) + rowHeight;
    top += height(layer) + step;
  }
  let bottom = -step;
  for (const layer of layers.filter((l) => l < 0).reverse()) {
    place(blocks.get(layer) ?? [], bottom - height(layer));
    bottom -= height(layer) + step;
  }
  return positions;
}

/** Signed hops from the focus: -1 for a parent, +1 for a child, and so on; first reach wins. */
function hopsFrom(
  start: string | undefined,
  byId: Map<string, LayoutNode>,
  edges: LayoutEdge[],
): Map<string, { layer: number; from: string | undefined }> {
  const hops = new Map<string, { layer: number; from: string | undefined }>();
  if (!start) return hops;
  const children = new Map<string, string[]>();
  const parents = new Map<string, string[]>();
  for (const edge of edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    children.set(edge.source, [...(children.get(edge.source) ?? []), edge.target]);
    parents.set(edge.target, [...(parents.get(edge.target) ?? []), edge.source]);
  }
  hops.set(start, { layer: 0, from: undefined });
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const layer = hops.get(id)!.layer;
    const visit = (next: string, nextLayer: number) => {
      if (hops.has(next)) return;
      hops.set(next, { layer: nextLayer, from: id });
      queue.push(next);
    };
    // Going up from a derivative would put its other parents beside the focus's children:
    // upward steps only from the focus and its ancestors, downward steps from anywhere.
    if (layer <= 0) for (const parent of parents.get(id) ?? []) visit(parent, layer - 1);
    for (const child of children.get(id) ?? []) visit(child, layer + 1);
  }
  // Other parents of derivatives (a merge's second parent) sit in the block above their child.
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const layer = hops.get(id)!.layer;
    for (const parent of parents.get(id) ?? [])
      if (!hops.has(parent)) {
        hops.set(parent, { layer: layer - 1, from: id });
        queue.push(parent);
      }
  }
  return hops;
}

function compare(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y));
  }
  return 0;
}
