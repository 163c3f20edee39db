'use client';

import type { LayoutOptions } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { dagreLayout } from '../../graph/layout';
import { toCyElements, type ViewEdge, type ViewNode } from '../../graph/to-cy-elements';
import { useCytoscape } from '../../graph/use-cytoscape';

/**
 * The path as a small graph in the explorer's style: foundations on the left, products on the
 * right (edges run the way a defect flows). The hop list beside it carries the words.
 */
export function PathGraph({ nodes, edges }: { nodes: ViewNode[]; edges: ViewEdge[] }) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useCytoscape(container);

  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(toCyElements(nodes, edges));
    });
    // Left to right: a chain reads along the line, and stays low enough to sit above its list.
    const layout = { ...dagreLayout(), rankDir: 'LR', rankSep: 120 };
    cy.layout(layout as unknown as LayoutOptions).run();
  }, [cy, nodes, edges]);

  return (
    <div
      ref={container}
      className="canvas path-canvas"
      role="img"
      aria-label={`The path as a graph: ${nodes.map((node) => node.name).join(', ')}. The list below gives each hop in words.`}
      data-testid="path-canvas"
    />
  );
}
