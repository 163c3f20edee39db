'use client';

import type { NodeCollection, NodeSingular } from 'cytoscape';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { collapseFanOuts, openedGroups, showMore } from '../../graph/collapse';
import {
  allInView,
  columnsFor,
  placeOnGrid,
  readableFit,
  showReadably,
  syncElements,
} from '../../graph/explorer-view';
import { EXPLORER_STYLE } from '../../graph/style';
import { toCyElements, type ViewEdge, type ViewNode } from '../../graph/to-cy-elements';
import { recordGraphTiming, useCytoscape } from '../../graph/use-cytoscape';
import {
  exploreParamsSchema,
  MAX_EXPANSIONS,
  toSearch,
  type ExploreParams,
} from './explore-params';
import { ExplorerToolbar } from './ExplorerToolbar';
import { FindInGraph } from './FindInGraph';
import { NodeList, type ListedNode } from './NodeList';
import { NodePanel } from './NodePanel';

const FAN_OUT_THRESHOLD = 12;

/** The parameters that change the view without new data. */
function pick(params: ExploreParams): Pick<ExploreParams, 'hide' | 'open' | 'selected'> {
  return { hide: params.hide, open: params.open, selected: params.selected };
}

/**
 * The explorer canvas. Everything it shows follows from the URL, and every step is a history
 * entry (Back returns to the previous view): changes that need other data (focus, direction,
 * depth, relations, expansions) go through the router and the server page; view-only changes
 * (hidden kinds, opened groups, selection) push the URL without a request. The graph is
 * updated in place: only the elements that changed are added or removed, existing nodes keep
 * their grid cells, and the viewport moves only to show what a step added.
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
  const cy = useCytoscape(container, EXPLORER_STYLE);
  const columns = useRef<number>(undefined);
  const shownFocus = useRef<string>(undefined);
  const [listed, setListed] = useState<ListedNode[]>([]);

  const navigate = useCallback(
    (changes: Partial<ExploreParams>, refetch: boolean) => {
      const url = `/explore?${toSearch({ ...params, ...changes })}`;
      if (refetch) router.push(url, { scroll: false });
      // Next's router follows the browser's own history: useSearchParams sees this entry.
      else window.history.pushState(null, '', url);
    },
    [params, router],
  );

  const collapsed = useMemo(
    () =>
      collapseFanOuts(nodes, edges, {
        threshold: FAN_OUT_THRESHOLD,
        open: openedGroups(params.open),
        keep: new Set([params.focus ?? '', params.selected ?? '']),
      }),
    [nodes, edges, params.open, params.focus, params.selected],
  );

  useEffect(() => {
    if (!cy) return;
    const started = performance.now();
    const elements = toCyElements(collapsed.nodes, collapsed.edges, { focus: params.focus });
    const before = cy.nodes().length;
    const added = syncElements(cy, elements);
    const changed = added.nonempty() || cy.nodes().length !== before;
    if (changed) {
      columns.current ??= columnsFor(cy.width());
      placeOnGrid(cy, params.focus, columns.current);
      setListed(drawnOrder(cy.nodes()));
    }
    const placed = performance.now();
    if (shownFocus.current !== params.focus) readableFit(cy, params.focus);
    else if (added.nonempty() && !allInView(cy, added)) showReadably(cy, added, 'centre');
    else if (
      changed &&
      cy.nodes(':visible').every((node) => !allInView(cy, node as unknown as NodeCollection))
    )
      readableFit(cy, params.focus);
    const first = shownFocus.current === undefined;
    shownFocus.current = params.focus;
    if (!changed && !first) return;
    requestAnimationFrame(() =>
      recordGraphTiming({
        elements: elements.length,
        added: added.length,
        layoutMs: placed - started,
        firstRender: first ? 1 : 0,
        paintedMs: performance.now() - started,
        // Milliseconds since navigation started: the time to first render on a first load.
        paintedAt: performance.now(),
      }),
    );
  }, [cy, collapsed, params.focus]);

  useEffect(() => {
    if (!cy) return;
    cy.batch(() =>
      cy.nodes().forEach((node) => {
        node.toggleClass('hidden', params.hide.includes(node.data('kind') as string));
      }),
    );
  }, [cy, params.hide, collapsed]);

  // Selection is a class change in place: no relayout, no viewport change.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.$(':selected').unselect();
      if (params.selected) cy.getElementById(params.selected).select();
    });
  }, [cy, params.selected, collapsed]);

  const open = useCallback(
    (id: string, kind: string) => {
      if (kind === 'Group') navigate({ open: showMore(params.open, id) }, false);
      else if (id !== params.selected) navigate({ selected: id }, false);
    },
    [navigate, params.open, params.selected],
  );

  useEffect(() => {
    if (!cy) return;
    const onTap = (event: { target: NodeSingular }) => {
      const node = event.target;
      open(node.id(), String(node.data('kind')));
    };
    cy.on('tap', 'node', onTap);
    return () => {
      cy.off('tap', 'node', onTap);
    };
  }, [cy, open]);

  const shown = listed.filter((node) => !params.hide.includes(node.kind));
  const visible = collapsed.nodes.filter((node) => !params.hide.includes(node.kind)).length;
  return (
    <>
      <ExplorerToolbar cy={cy} params={params} navigate={navigate} truncated={props.truncated} />
      <FindInGraph cy={cy} nodes={shown} />
      <div className="graph-view">
        <div
          ref={container}
          className="canvas explorer-canvas"
          role="img"
          aria-label={`Lineage graph around ${params.focus}: ${visible} nodes and ${collapsed.edges.length} relationships shown. The side panel lists the selected node's details.`}
          data-testid="graph-canvas"
          data-nodes={collapsed.nodes.length}
        />
        <aside className="side" aria-label="Details">
          <NodeList
            cy={cy}
            nodes={shown}
            selected={params.selected}
            onOpen={(node) => open(node.id, node.kind)}
          />
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

/** The nodes as drawn on the grid: top to bottom, then left to right. */
function drawnOrder(nodes: NodeCollection): ListedNode[] {
  return nodes
    .map((node) => ({
      id: node.id(),
      label: String(node.data('label')),
      kind: String(node.data('kind')),
      ...node.position(),
    }))
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map(({ id, label, kind }) => ({ id, label, kind }));
}
