'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { collapseFanOuts } from '../../graph/collapse';
import { dagreLayout, keepReadable } from '../../graph/layout';
import { toCyElements, type ViewEdge, type ViewNode } from '../../graph/to-cy-elements';
import { recordGraphTiming, useCytoscape } from '../../graph/use-cytoscape';
import {
  exploreParamsSchema,
  MAX_EXPANSIONS,
  toSearch,
  type ExploreParams,
} from './explore-params';
import { ExplorerToolbar } from './ExplorerToolbar';
import { NodePanel } from './NodePanel';

const FAN_OUT_THRESHOLD = 12;

/** The parameters that change the view without new data. */
function pick(params: ExploreParams): Pick<ExploreParams, 'hide' | 'open' | 'selected'> {
  return { hide: params.hide, open: params.open, selected: params.selected };
}

/**
 * The explorer canvas. Everything it shows follows from the URL: changes that need other data
 * (focus, direction, depth, relations, expansions) go through the router and the server page;
 * view-only changes (hidden kinds, opened groups, selection) only rewrite the URL.
 */
export function GraphExplorer(props: {
  params: ExploreParams;
  nodes: ViewNode[];
  edges: ViewEdge[];
  truncated: boolean;
  legend: ReactNode;
}) {
  const { nodes, edges } = props;
  const router = useRouter();
  // The server rendered the data for props.params; view-only changes since then live in the URL.
  const search = useSearchParams();
  const params = useMemo(
    () => ({
      ...props.params,
      ...pick(exploreParamsSchema.parse(Object.fromEntries(search.entries()))),
    }),
    [props.params, search],
  );
  const container = useRef<HTMLDivElement>(null);
  const cy = useCytoscape(container);
  const firstRender = useRef(true);

  const navigate = useCallback(
    (changes: Partial<ExploreParams>, refetch: boolean) => {
      const url = `/explore?${toSearch({ ...params, ...changes })}`;
      if (refetch) router.replace(url, { scroll: false });
      else window.history.replaceState(null, '', url);
    },
    [params, router],
  );

  const collapsed = useMemo(
    () =>
      collapseFanOuts(nodes, edges, {
        threshold: FAN_OUT_THRESHOLD,
        open: new Set(params.open),
        keep: new Set([params.focus ?? '', params.selected ?? '']),
      }),
    [nodes, edges, params.open, params.focus, params.selected],
  );

  useEffect(() => {
    if (!cy) return;
    const started = performance.now();
    const elements = toCyElements(collapsed.nodes, collapsed.edges, { focus: params.focus });
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
      cy.nodes().forEach((node) => {
        node.toggleClass('hidden', params.hide.includes(node.data('kind') as string));
      });
      if (params.selected) cy.getElementById(params.selected).select();
    });
    const added = performance.now();
    const layout = cy.layout(dagreLayout());
    layout.one('layoutstop', () => {
      keepReadable(cy, params.focus);
      const done = performance.now();
      requestAnimationFrame(() => {
        recordGraphTiming({
          elements: elements.length,
          buildMs: added - started,
          layoutMs: done - added,
          firstRender: firstRender.current ? 1 : 0,
          paintedMs: performance.now() - started,
          // Milliseconds since navigation started: the time to first render on a first load.
          paintedAt: performance.now(),
        });
        firstRender.current = false;
      });
    });
    layout.run();
    // Hidden kinds and selection are applied in place below; a relayout is for new elements.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cy, collapsed, params.focus]);

  useEffect(() => {
    if (!cy) return;
    cy.batch(() =>
      cy.nodes().forEach((node) => {
        node.toggleClass('hidden', params.hide.includes(node.data('kind') as string));
      }),
    );
  }, [cy, params.hide]);

  useEffect(() => {
    if (!cy) return;
    const onTap = (event: { target: { id(): string; data(key: string): unknown } }) => {
      const id = event.target.id();
      if (event.target.data('kind') === 'Group') navigate({ open: [...params.open, id] }, false);
      else navigate({ selected: id }, false);
    };
    cy.on('tap', 'node', onTap);
    return () => {
      cy.off('tap', 'node', onTap);
    };
  }, [cy, navigate, params.open]);

  const visible = collapsed.nodes.filter((node) => !params.hide.includes(node.kind)).length;
  return (
    <>
      <ExplorerToolbar cy={cy} params={params} navigate={navigate} truncated={props.truncated} />
      <div className="graph-view">
        <div
          ref={container}
          className="canvas"
          role="img"
          aria-label={`Lineage graph around ${params.focus}: ${visible} nodes and ${collapsed.edges.length} relationships shown. The side panel lists the selected node's details.`}
          data-testid="graph-canvas"
          data-nodes={collapsed.nodes.length}
        />
        <aside className="side" aria-label="Details">
          <NodePanel
            id={params.selected}
            onExpand={(id, side) => {
              // The newest expansions are kept when a view holds as many as a URL may.
              const entry = `${id}~${side}`;
              const kept = [...params.expand.filter((e) => e !== entry), entry];
              navigate({ expand: kept.slice(-MAX_EXPANSIONS) }, true);
            }}
            onFocus={(id) =>
              navigate({ focus: id, expand: [], open: [], selected: undefined }, true)
            }
          />
          {props.legend}
        </aside>
      </div>
    </>
  );
}
