import type { Metadata } from 'next';
import Link from 'next/link';
import { DEFECT_CATEGORIES, DEFECT_STATUSES, SEVERITIES } from '@lineage/domain';
import { SeverityBadge } from '../../components/Badges';
import { ApiProblem } from '../../components/ApiProblem';
import { attempt, gql } from '../../lib/api';
import { enumWords } from '../../lib/enum-words';
import { formatCount } from '../../lib/format';
import { nodeHref } from '../../lib/links';
import type { DefectsIndexQuery } from '../../generated/graphql';
import {
  DEFECTS_INDEX,
  readDefectsParams,
  toDefectFilter,
  type DefectsParams,
} from './defects-query';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Defects' };

function pageHref(params: DefectsParams, after?: string | null) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, after: after ?? undefined }))
    if (value) search.set(key, value);
  return `/defects?${search}`;
}

/** Every filed defect, most recently disclosed first, filtered from the URL, 50 at a time. */
export default async function DefectsIndex({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { params, problem } = readDefectsParams(await searchParams);
  const loaded = await attempt(() =>
    gql<DefectsIndexQuery>(DEFECTS_INDEX, {
      filter: toDefectFilter(params),
      after: params.after ?? null,
    }),
  );
  if ('problem' in loaded) return <ApiProblem error={loaded.problem} retry="/defects" />;
  const { defects } = loaded.value;
  const select = (name: 'severity' | 'category' | 'status', values: readonly string[]) => (
    <label>
      {name[0]!.toUpperCase() + name.slice(1)}
      <select name={name} defaultValue={params[name] ?? ''}>
        <option value="">any</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {enumWords(value)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <h1>Defects</h1>
      <form className="panel form-row" action="/defects" method="get" aria-label="Filter defects">
        <label>
          Name contains
          <input type="search" name="q" defaultValue={params.q ?? ''} maxLength={200} />
        </label>
        {select('severity', SEVERITIES)}
        {select('category', DEFECT_CATEGORIES)}
        {select('status', DEFECT_STATUSES)}
        <label>
          Disclosed from
          <input type="date" name="from" defaultValue={params.from ?? ''} />
        </label>
        <label>
          to
          <input type="date" name="to" defaultValue={params.to ?? ''} />
        </label>
        <button type="submit">Filter</button>
        <Link href="/defects">Clear</Link>
      </form>
      {problem ? (
        <p role="alert" className="error-text">
          {problem}
        </p>
      ) : null}
      <section className="panel" aria-labelledby="defects-found">
        <h2 id="defects-found" data-testid="defects-count" data-count={defects.totalCount}>
          {formatCount(defects.totalCount)} defect{defects.totalCount === 1 ? '' : 's'}, most
          recently disclosed first
        </h2>
        {defects.edges.length === 0 ? (
          <p className="muted">No defect matches these filters.</p>
        ) : (
          <table data-testid="defects-table">
            <thead>
              <tr>
                <th scope="col">Defect</th>
                <th scope="col">Severity</th>
                <th scope="col">Category</th>
                <th scope="col">Status</th>
                <th scope="col">Disclosed</th>
              </tr>
            </thead>
            <tbody>
              {defects.edges.map(({ node }) => (
                <tr key={node.id} data-defect={node.id}>
                  <td>
                    <Link href={nodeHref(node.id)}>{node.name}</Link>
                    <div className="muted small">{node.id}</div>
                  </td>
                  <td>
                    <SeverityBadge severity={node.severity} />
                  </td>
                  <td>{enumWords(node.category)}</td>
                  <td>{enumWords(node.status)}</td>
                  <td className="nowrap">{node.disclosedAt ?? 'undated'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="pager">
          {params.after ? (
            <Link href={pageHref({ ...params, after: undefined })}>First page</Link>
          ) : null}
          {defects.pageInfo.hasNextPage ? (
            <Link href={pageHref(params, defects.pageInfo.endCursor)}>Next 50</Link>
          ) : null}
        </p>
      </section>
    </>
  );
}
