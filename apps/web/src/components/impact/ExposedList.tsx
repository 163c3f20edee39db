'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { ImpactPageQuery } from '../../generated/graphql';
import type { BrowserVariables } from '../../lib/operations';
import { clientGql } from '../../lib/client-api';
import { nodeHref } from '../../lib/links';
import { KIND_STYLES, RELATION_STYLES } from '../../graph/vocabulary';
import { LevelBadge } from '../Badges';
import type { Drill } from './drill';
import { LIST_PAGE_SIZE } from './exposed-page';
import { LEVEL_MEANINGS } from './level-meanings';

type Page = ImpactPageQuery['impact']['exposed'];

/** The API's filter for a drill-down group; an operator has none (it is the deployments table's). */
function groupFilter(drill: Drill | undefined): Partial<BrowserVariables<'ImpactPage'>> {
  if (drill?.by === 'distance') return { distance: Number(drill.key) };
  if (drill?.by === 'relation')
    return { relation: drill.key as BrowserVariables<'ImpactPage'>['relation'] };
  if (drill?.by === 'kind') return { kinds: [drill.key as 'Deployment'] };
  if (drill?.by === 'operator') return { kinds: ['Deployment'] };
  return {};
}

/**
 * Every exposed node, a hundred at a time, in the API's order (strongest, then nearest), read
 * through the API's exposed connection; the link exports the whole list (or the group) as CSV.
 */
export function ExposedList({
  defectId,
  asOf,
  disclosedOnly,
  drill,
}: {
  defectId: string;
  asOf: string;
  disclosedOnly: boolean;
  drill: Drill | undefined;
}) {
  // Cursors of the pages before this one: Previous pops one.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page>();
  const [error, setError] = useState<string>();
  const after = cursors[cursors.length - 1];
  const filter = groupFilter(drill);

  useEffect(() => setCursors([undefined]), [drill]);
  useEffect(() => {
    const controller = new AbortController();
    clientGql(
      'ImpactPage',
      { id: defectId, asOf, disclosedOnly, first: LIST_PAGE_SIZE, after, ...groupFilter(drill) },
      controller.signal,
    )
      .then((data) => {
        setPage(data.impact.exposed);
        setError(undefined);
      })
      .catch((e: Error) => e.name !== 'AbortError' && setError(e.message));
    return () => controller.abort();
  }, [defectId, asOf, disclosedOnly, after, drill]);

  const start = (cursors.length - 1) * LIST_PAGE_SIZE;
  const exportQuery = new URLSearchParams({ defect: defectId, asOf });
  if (disclosedOnly) exportQuery.set('disclosedOnly', '1');
  for (const [key, value] of Object.entries(filter))
    exportQuery.set(key, Array.isArray(value) ? value.join(',') : String(value));

  return (
    <section className="panel" aria-labelledby="exposed-title">
      <h2 id="exposed-title">
        All exposed nodes{page ? ` (${page.totalCount.toLocaleString('en-US')})` : ''}
        {drill ? ' in this group' : ''}
      </h2>
      <div className="toolbar">
        <a href={`/export/impact?${exportQuery}`} download data-testid="export-all">
          Download all as CSV
        </a>
        {page && page.totalCount > 0 ? (
          <span data-testid="exposed-range">
            {start + 1}–{start + page.edges.length} of {page.totalCount.toLocaleString('en-US')}
          </span>
        ) : null}
        <button
          type="button"
          disabled={cursors.length < 2}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => page && setCursors([...cursors, page.pageInfo.endCursor ?? undefined])}
        >
          Next page
        </button>
      </div>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {page ? (
        <table className="impact-table" data-testid="exposed-table">
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Kind</th>
              <th scope="col">Level</th>
              <th scope="col">Distance</th>
              <th scope="col">Reached over</th>
            </tr>
          </thead>
          <tbody>
            {page.edges.map(({ node: row }) => {
              const last = row.hops.at(-1);
              return (
                <tr key={row.node.id} data-exposed={row.node.id}>
                  <td>
                    <Link href={nodeHref(row.node.id)}>{row.node.name}</Link>
                  </td>
                  <td>{KIND_STYLES[row.node.kind]?.label ?? row.node.kind}</td>
                  <td title={LEVEL_MEANINGS[row.level]}>
                    <LevelBadge level={row.level} />
                  </td>
                  <td>{row.distance}</td>
                  <td className="path">
                    {last
                      ? `${RELATION_STYLES[last.relation]?.label ?? last.relation}${last.declared ? '' : ' (inferred)'}: ${row.path.at(-2)?.name ?? ''}`
                      : 'origin'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="loading">Loading…</p>
      )}
    </section>
  );
}
