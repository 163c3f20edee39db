'use client';

import type { Core } from 'cytoscape';
import { graphPng, MAX_EXPORT_SIDE, readableFit } from '../../graph/explorer-view';
import { KIND_STYLES, RELATION_STYLES } from '../../graph/vocabulary';
import type { ExploreParams } from './explore-params';

const HIDEABLE_KINDS = Object.keys(KIND_STYLES).filter(
  (kind) => !['Provider', 'Defect'].includes(kind),
);

/** Direction, depth and relation filters (refetch); kind filters and view controls (local). */
export function ExplorerToolbar({
  cy,
  params,
  navigate,
  truncated,
}: {
  cy: Core | undefined;
  params: ExploreParams;
  navigate: (changes: Partial<ExploreParams>, refetch: boolean) => void;
  truncated: boolean;
}) {
  const relations = params.relations.length ? params.relations : Object.keys(RELATION_STYLES);
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  const exportPng = (whole: boolean) => {
    if (!cy) return;
    const url = URL.createObjectURL(graphPng(cy, whole));
    const link = document.createElement('a');
    link.href = url;
    const name = (params.focus ?? 'graph').replace(/[^\w.-]+/g, '_');
    link.download = `lineage-${name}${whole ? '' : '-view'}.png`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="toolbar">
      <label>
        Direction{' '}
        <select
          value={params.direction}
          onChange={(e) =>
            navigate({ direction: e.target.value as ExploreParams['direction'] }, true)
          }
        >
          <option value="BOTH">both ways</option>
          <option value="UPSTREAM">upstream (what it is built on)</option>
          <option value="DOWNSTREAM">downstream (what builds on it)</option>
        </select>
      </label>
      <label>
        Depth{' '}
        <select
          value={params.depth}
          onChange={(e) => navigate({ depth: Number(e.target.value) }, true)}
        >
          {[1, 2, 3, 4, 5, 6, 8, 10].map((depth) => (
            <option key={depth} value={depth}>
              {depth}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Relations</legend>
        {Object.entries(RELATION_STYLES).map(([relation, style]) => (
          <label key={relation}>
            <input
              type="checkbox"
              checked={relations.includes(relation)}
              onChange={() => {
                const next = toggle(relations, relation);
                navigate(
                  { relations: next.length === Object.keys(RELATION_STYLES).length ? [] : next },
                  true,
                );
              }}
            />{' '}
            {style.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Kinds shown</legend>
        {HIDEABLE_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={!params.hide.includes(kind)}
              onChange={() => navigate({ hide: toggle(params.hide, kind) }, false)}
            />{' '}
            {KIND_STYLES[kind]!.label}
          </label>
        ))}
      </fieldset>
      <div className="actions" role="group" aria-label="View">
        <button
          type="button"
          title="The focus and its neighbours, at a zoom where labels can be read"
          onClick={() => cy && readableFit(cy, params.focus)}
        >
          Fit
        </button>
        <button
          type="button"
          title="Everything at once; labels show again when you zoom in"
          onClick={() => cy?.fit(undefined, 30)}
        >
          Whole graph
        </button>
        <button
          type="button"
          onClick={() => cy?.zoom({ level: cy.zoom() * 1.25, renderedPosition: center(cy) })}
        >
          Zoom in
        </button>
        <button
          type="button"
          onClick={() => cy?.zoom({ level: cy.zoom() / 1.25, renderedPosition: center(cy) })}
        >
          Zoom out
        </button>
        <button type="button" onClick={() => exportPng(false)}>
          Export PNG (view)
        </button>
        <button
          type="button"
          title={`The whole graph, at most ${MAX_EXPORT_SIDE} px on its longer side`}
          onClick={() => exportPng(true)}
        >
          Export PNG (whole graph)
        </button>
      </div>
      {truncated ? (
        <p role="status">
          Showing the nearest {params.max} nodes.{' '}
          {params.max < 2000 ? (
            <button type="button" onClick={() => navigate({ max: 2000 }, true)}>
              Show up to 2,000
            </button>
          ) : (
            'Narrow the depth or relations to see the rest.'
          )}
        </p>
      ) : null}
    </div>
  );
}

function center(cy: Core) {
  return { x: cy.width() / 2, y: cy.height() / 2 };
}
