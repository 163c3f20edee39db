import type { Core, LayoutOptions, StylesheetJson } from 'cytoscape';

/**
 * Left to right by hop, as a defect flows: origins on the left, deployments on the right. Labels
 * sit beside their nodes and count in the spacing, so a column of fifty deployments stays a
 * list one can read rather than a starburst.
 */
export function impactLayout(): LayoutOptions {
  return {
    name: 'dagre',
    rankDir: 'LR',
    nodeDimensionsIncludeLabels: true,
    nodeSep: 4,
    rankSep: 36,
    edgeSep: 4,
    animate: false,
    fit: true,
    padding: 16,
  } as LayoutOptions;
}

/** The impact view's additions to the one graph style sheet: compact nodes, labels at the side. */
export function impactStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 14,
        height: 14,
        'font-size': 13,
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 5,
        'text-margin-y': 0,
        'text-wrap': 'ellipsis',
        'text-max-width': '190px',
        // Edges leave a node to the right, through its label: the label stays legible over them.
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
      },
    },
    {
      selector: 'node.more',
      style: {
        shape: 'round-rectangle',
        'background-color': '#e5e7eb',
        'border-width': 1,
        'border-style': 'dashed',
        'border-color': '#4b5563',
        color: '#374151',
        'font-style': 'italic',
      },
    },
    {
      selector: 'edge.more-link',
      style: { 'line-style': 'dashed', 'line-color': '#d1d5db', 'target-arrow-shape': 'none' },
    },
    { selector: 'edge', style: { 'arrow-scale': 0.6 } },
    { selector: '.faded', style: { opacity: 0.15 } },
  ];
}

/** Fits the graph, but never past the zoom at which a lone origin would look blown up. */
export function fitImpact(cy: Core): void {
  cy.fit(undefined, 16);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center();
  }
}

/**
 * Brings elements wholly into view: centred when they fit at the current zoom, else fitted to
 * them, so a highlighted path is never cut off. Instant, not animated: a hovered row shows its
 * path at once.
 */
export function bringIntoView(cy: Core, ids: string[]): void {
  let elements = cy.collection();
  for (const id of ids) elements = elements.union(cy.getElementById(id));
  if (elements.empty()) return;
  const box = elements.boundingBox({ includeLabels: true });
  const view = cy.extent();
  const inside = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
  if (inside) return;
  if (box.w <= view.w * 0.95 && box.h <= view.h * 0.95) cy.center(elements);
  else cy.fit(elements, 24);
}
