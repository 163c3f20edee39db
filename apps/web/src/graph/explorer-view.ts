import type { Core, ElementDefinition, NodeCollection, NodeSingular } from 'cytoscape';
import { GRID, gridPositions } from './grid-layout';

/** At this zoom a 12 px label draws about 10 px tall: the least the explorer zooms out to. */
export const READABLE_ZOOM = 0.85;

/** The longer side of a whole-graph PNG: a hub's view stays a picture, not a 17,000 px strip. */
export const MAX_EXPORT_SIDE = 4096;

/** What changes between the elements drawn and the ones wanted, by id. */
export function diffElements(drawn: Set<string>, wanted: ElementDefinition[]) {
  const wantedIds = new Set(wanted.map((element) => element.data.id!));
  return {
    add: wanted.filter((element) => !drawn.has(element.data.id!)),
    remove: [...drawn].filter((id) => !wantedIds.has(id)),
    keep: wanted.filter((element) => drawn.has(element.data.id!)),
  };
}

/**
 * Brings the graph to `wanted` in one batch: removes what went, adds what came, updates the
 * label and classes of what stayed (a group showing its next page). Nothing is redrawn from
 * scratch and the viewport is left alone. Answers the nodes added.
 */
export function syncElements(cy: Core, wanted: ElementDefinition[]): NodeCollection {
  const drawn = new Set(cy.elements().map((element) => element.id()));
  const { add, remove, keep } = diffElements(drawn, wanted);
  let added = cy.collection();
  cy.batch(() => {
    for (const id of remove) cy.getElementById(id).remove();
    for (const element of keep) {
      const current = cy.getElementById(element.data.id!);
      if (element.data.label !== undefined && current.data('label') !== element.data.label)
        current.data('label', element.data.label);
      // Other classes (hidden, match, cursor) belong to the view's state: only the focus
      // mark comes from the data.
      current.toggleClass(
        'focus',
        String(element.classes ?? '')
          .split(' ')
          .includes('focus'),
      );
    }
    added = cy.add(add);
  });
  return added.nodes();
}

/**
 * Places every node on the explorer's grid. Columns follow the canvas width at a readable
 * zoom, fixed once per view so a later step does not reshuffle every row.
 */
export function placeOnGrid(cy: Core, focus: string | undefined, columns: number): void {
  const positions = gridPositions(
    cy.nodes().map((node) => ({
      id: node.id(),
      label: String(node.data('label') ?? ''),
      kind: String(node.data('kind') ?? ''),
    })),
    cy.edges().map((edge) => ({ source: edge.source().id(), target: edge.target().id() })),
    focus,
    { ...GRID, columns },
  );
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.position(positions.get(node.id())!);
    });
    // Edges that skip rows (a hub's hundreds of grandchildren) cross the whole view: drawn
    // plain and light, they stay readable and cheap to draw while panning.
    cy.edges().forEach((edge) => {
      const rise = Math.abs(edge.source().position('y') - edge.target().position('y'));
      edge.toggleClass('far', rise > FAR_EDGE_RISE);
    });
  });
}

/** An edge rising more than this (model px) skips at least two rows of a block. */
const FAR_EDGE_RISE = 2 * GRID.rowHeight + GRID.blockGap + 1;

/** How many grid columns a canvas of this width shows at a readable zoom. */
export function columnsFor(width: number): number {
  return Math.max(3, Math.min(12, Math.floor((width / READABLE_ZOOM - 40) / GRID.cellWidth)));
}

/**
 * The explorer's Fit: the focus and its neighbours, as large as fits, but never below a
 * readable zoom; when they do not fit, the view starts at their top, centred on the focus,
 * and the rest is a pan away.
 */
export function readableFit(cy: Core, focus: string | undefined): void {
  const node = focus ? cy.getElementById(focus) : cy.collection();
  const around = node.nonempty() ? node.closedNeighborhood().filter(':visible') : cy.elements();
  showReadably(cy, around.nodes(), 'top', node.nonempty() ? node.position('x') : undefined);
}

/**
 * Shows `nodes` at a readable zoom at least: centred, or from their top row (always so when
 * they are too many for the view).
 */
export function showReadably(
  cy: Core,
  nodes: NodeCollection,
  align: 'top' | 'centre',
  centreX?: number,
): void {
  if (nodes.empty()) return;
  const padding = 30;
  const box = nodes.boundingBox({ includeLabels: true });
  const fits = Math.min(
    (cy.width() - 2 * padding) / Math.max(box.w, 1),
    (cy.height() - 2 * padding) / Math.max(box.h, 1),
  );
  const zoom = Math.max(READABLE_ZOOM, Math.min(1.4, fits));
  const x = centreX ?? (box.x1 + box.x2) / 2;
  // From the top, what lies further down (the next hop) fills the rest of the view rather
  // than an empty band above.
  const top = align === 'top' || box.h * zoom > cy.height() - 2 * padding;
  const y = top ? padding - box.y1 * zoom : cy.height() / 2 - ((box.y1 + box.y2) / 2) * zoom;
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - x * zoom, y } });
}

/**
 * Pans (zoom kept) so the node's centre is the canvas's centre. cy.center() would centre the
 * node with its label, a few pixels off.
 */
export function centreOn(cy: Core, node: NodeSingular): void {
  const { x, y } = node.position();
  cy.pan({ x: cy.width() / 2 - x * cy.zoom(), y: cy.height() / 2 - y * cy.zoom() });
}

/** Whether every one of `nodes` is drawn inside the canvas. */
export function allInView(cy: Core, nodes: NodeCollection): boolean {
  const view = cy.extent();
  return nodes.every((node) => {
    const { x, y } = (node as NodeSingular).position();
    return x >= view.x1 && x <= view.x2 && y >= view.y1 && y <= view.y2;
  });
}

/** The PNG of the view as drawn, or of the whole graph scaled to at most MAX_EXPORT_SIDE. */
export function graphPng(cy: Core, whole: boolean): Blob {
  const box = cy.elements().boundingBox();
  // Twice the drawn size for sharpness, scaled down when that passes the bound.
  const scale = whole
    ? Math.min(2, MAX_EXPORT_SIDE / Math.max(box.w, 1), MAX_EXPORT_SIDE / Math.max(box.h, 1))
    : 2;
  return cy.png({ output: 'blob', bg: '#ffffff', full: whole, scale }) as unknown as Blob;
}

/** Ids of the nodes whose name or id holds `query` (case and spacing aside), in drawn order. */
export function findNodes(nodes: { id: string; label: string }[], query: string): string[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  if (wanted.length < 2) return [];
  return nodes
    .filter((node) =>
      `${node.label}\u0000${node.id}`.toLowerCase().replace(/\s+/g, '').includes(wanted),
    )
    .map((node) => node.id);
}
