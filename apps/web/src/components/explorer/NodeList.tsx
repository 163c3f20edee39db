'use client';

import type { Core } from 'cytoscape';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { allInView, centreOn } from '../../graph/explorer-view';
import { KIND_STYLES } from '../../graph/vocabulary';

export interface ListedNode {
  id: string;
  label: string;
  kind: string;
}

const optionId = (index: number) => `graph-node-${index}`;

/**
 * The nodes of the graph as a keyboard-usable list beside the canvas, in the order they are
 * drawn (top to bottom, left to right): arrow keys move through them, the node under the
 * cursor is outlined in the canvas (and brought into view), Enter selects it or opens a group.
 */
export function NodeList({
  cy,
  nodes,
  selected,
  onOpen,
}: {
  cy: Core | undefined;
  nodes: ListedNode[];
  selected: string | undefined;
  onOpen: (node: ListedNode) => void;
}) {
  const [cursor, setCursor] = useState<string>();
  const index = Math.max(
    0,
    nodes.findIndex((node) => node.id === (cursor ?? selected)),
  );

  useEffect(() => {
    if (!cy || !cursor) return;
    const node = cy.getElementById(cursor);
    node.addClass('cursor');
    // Pan (never zoom) to a node the cursor reached outside the view.
    if (node.nonempty() && !allInView(cy, node)) centreOn(cy, node);
    return () => {
      node.removeClass('cursor');
    };
  }, [cy, cursor]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: nodes.length - 1,
      PageDown: index + 10,
      PageUp: index - 10,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(nodes.length - 1, moves[event.key]!));
      setCursor(nodes[next]?.id);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const node = nodes[index];
      if (node) onOpen(node);
    }
  };

  return (
    <section className="panel explorer-nodes">
      <h2 id="graph-nodes-title">Nodes in the graph ({nodes.length})</h2>
      <p className="muted small" id="graph-nodes-help">
        Arrow keys move, Enter selects a node or opens a group.
      </p>
      <div
        role="listbox"
        tabIndex={0}
        aria-labelledby="graph-nodes-title"
        aria-describedby="graph-nodes-help"
        aria-activedescendant={nodes.length ? optionId(index) : undefined}
        onKeyDown={onKeyDown}
        onBlur={() => setCursor(undefined)}
        data-testid="graph-node-list"
      >
        {nodes.map((node, i) => (
          <div
            key={node.id}
            id={optionId(i)}
            role="option"
            aria-selected={node.id === selected}
            className={i === index && cursor ? 'active' : undefined}
            data-id={node.id}
            onClick={() => {
              setCursor(node.id);
              onOpen(node);
            }}
          >
            <span
              className="dot"
              aria-hidden="true"
              style={{ background: KIND_STYLES[node.kind]?.color ?? '#9ca3af' }}
            />{' '}
            {node.label}
          </div>
        ))}
      </div>
    </section>
  );
}
