'use client';

import type { Core } from 'cytoscape';
import { useEffect, useState } from 'react';
import { centreOn, findNodes, READABLE_ZOOM } from '../../graph/explorer-view';

/**
 * Find in graph: marks the nodes of the current graph that match, and centres the next match
 * on Enter (or the button), zooming in only when the view is too small to read it.
 */
export function FindInGraph({
  cy,
  nodes,
}: {
  cy: Core | undefined;
  nodes: { id: string; label: string }[];
}) {
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(-1);
  const matches = findNodes(nodes, query);

  useEffect(() => {
    if (!cy) return;
    const marked = cy.collection();
    for (const id of matches) marked.merge(cy.getElementById(id));
    marked.addClass('match');
    return () => {
      marked.removeClass('match');
    };
    // matches is derived from these two; a new array each render must not re-mark.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cy, query, nodes]);

  const next = () => {
    if (!cy || matches.length === 0) return;
    const position = (at + 1) % matches.length;
    setAt(position);
    const node = cy.getElementById(matches[position]!);
    if (cy.zoom() < READABLE_ZOOM) cy.zoom(READABLE_ZOOM);
    centreOn(cy, node);
  };

  return (
    <div className="find-in-graph" role="search" aria-label="Find in graph">
      <label>
        Find in graph{' '}
        <input
          type="search"
          value={query}
          placeholder="name or id"
          onChange={(event) => {
            setQuery(event.target.value);
            setAt(-1);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              next();
            }
          }}
        />
      </label>
      <button type="button" onClick={next} disabled={matches.length === 0}>
        Next match
      </button>
      <span role="status" className="muted small" data-testid="find-status">
        {query.trim().length < 2
          ? ''
          : matches.length === 0
            ? 'No node of this graph matches (groups are searched by their label only).'
            : at >= 0
              ? `Match ${at + 1} of ${matches.length}`
              : `${matches.length} match${matches.length === 1 ? '' : 'es'}: Enter centres the first`}
      </span>
    </div>
  );
}
