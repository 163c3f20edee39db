import type { LayoutOptions } from 'cytoscape';

/** A layered layout: parents above their derivatives, as a supply chain reads. */
export function dagreLayout(animate = false): LayoutOptions {
  return {
    name: 'dagre',
    rankDir: 'TB',
    // Labels sit under nodes: siblings need room for about 110px of text each.
    nodeSep: 70,
    rankSep: 90,
    edgeSep: 8,
    animate,
    fit: true,
    padding: 30,
  } as LayoutOptions;
}
