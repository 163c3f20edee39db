'use client';

import type { ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { pathElementIds } from '../../graph/impact-elements';
import { bringIntoView, fitImpact, impactLayout, impactStyle } from '../../graph/impact-layout';
import { graphStyle } from '../../graph/style';
import { recordGraphTiming, useCytoscape } from '../../graph/use-cytoscape';

/**
 * The impact as a layered graph, laid out once; stepping hides what lies beyond the hop, a
 * drill-down fades what lies outside the group, hovering a table row highlights its path.
 */
export function ImpactGraph({
  elements,
  hop,
  highlight,
  focus,
  onSelect,
  onDrillHop,
  label,
}: {
  elements: ElementDefinition[];
  hop: number;
  highlight: string[] | undefined;
  /** The ids of the group drilled into (and their paths); undefined: no drill-down. */
  focus: Set<string> | undefined;
  onSelect: (id: string) => void;
  /** A "+N more at hop k" node was clicked. */
  onDrillHop: (distance: number) => void;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useCytoscape(container);

  useEffect(() => {
    if (!cy) return;
    const started = performance.now();
    cy.style([...graphStyle(), ...impactStyle()]);
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    const layout = cy.layout(impactLayout());
    layout.one('layoutstop', () => {
      fitImpact(cy);
      recordGraphTiming({ elements: cy.elements().length, layoutMs: performance.now() - started });
    });
    layout.run();
    const onTap = (event: { target: { id(): string; data(key: string): unknown } }) => {
      const more = event.target.data('more');
      if (typeof more === 'number') onDrillHop(Number(event.target.data('distance')));
      else onSelect(event.target.id());
    };
    cy.on('tap', 'node', onTap);
    return () => {
      cy.off('tap', 'node', onTap);
    };
  }, [cy, elements, onSelect, onDrillHop]);

  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.toggleClass('hidden', Number(node.data('distance')) > hop);
      });
      cy.edges().forEach((edge) => {
        edge.toggleClass(
          'hidden',
          edge.source().hasClass('hidden') || edge.target().hasClass('hidden'),
        );
      });
    });
  }, [cy, elements, hop]);

  useEffect(() => {
    if (!cy) return;
    cy.batch(() =>
      cy.elements().forEach((element) => {
        const inside = !focus || focus.has(element.id()) || isEdgeInside(element, focus);
        element.toggleClass('faded', !inside);
      }),
    );
  }, [cy, elements, focus]);

  useEffect(() => {
    if (!cy) return;
    const ids = highlight ? pathElementIds(highlight) : [];
    const lit = new Set(ids);
    cy.batch(() =>
      cy.elements().forEach((element) => {
        element.toggleClass('highlighted', lit.has(element.id()));
        element.toggleClass('dimmed', lit.size > 0 && !lit.has(element.id()));
      }),
    );
    bringIntoView(cy, ids);
  }, [cy, elements, highlight]);

  return (
    <div className="impact-canvas-wrap">
      <div className="impact-canvas-tools">
        <button type="button" onClick={() => cy && fitImpact(cy)}>
          Fit
        </button>
      </div>
      <div
        ref={container}
        className="canvas impact-canvas"
        role="img"
        aria-label={label}
        data-testid="impact-canvas"
      />
    </div>
  );
}

function isEdgeInside(
  element: { isEdge(): boolean; data(key: string): unknown },
  focus: Set<string>,
): boolean {
  return (
    element.isEdge() &&
    focus.has(String(element.data('source'))) &&
    focus.has(String(element.data('target')))
  );
}
