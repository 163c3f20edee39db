import type { Metadata } from 'next';
import Link from 'next/link';
import { LevelBadge, SeverityBadge } from '../../components/Badges';
import { ApiProblem } from '../../components/ApiProblem';
import { enumWords } from '../../lib/enum-words';
import { attempt, gql } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { nodeHref } from '../../lib/links';
import type { WatchedDashboardQuery } from '../../generated/graphql';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Watched products' };

const WATCHED = /* GraphQL */ `
  query WatchedDashboard($owner: String, $tag: String) {
    watchedExposures(owner: $owner, tag: $tag) {
      asOf
      watched
      count
      untriaged
      exposures {
        deployment {
          id
          name
        }
        watch {
          owner
          contact
          tags
        }
        defect {
          id
          name
          severity
        }
        level
        since
        triage {
          state
          by
        }
      }
    }
  }
`;

const text = (value: string | string[] | undefined) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : undefined;

/**
 * The open exposures of the products marked as ours: OPEN defects reaching them that no
 * mitigation or triage has handled, most severe first, then the newest.
 */
export default async function WatchedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const owner = text(query.owner);
  const tag = text(query.tag);
  const loaded = await attempt(() => gql<WatchedDashboardQuery>(WATCHED, { owner, tag }));
  if ('problem' in loaded) return <ApiProblem error={loaded.problem} retry="/watched" />;
  const { watchedExposures: board } = loaded.value;
  return (
    <>
      <h1>Watched products</h1>
      <form className="panel form-row" action="/watched" method="get" aria-label="Filter">
        <label>
          Owner
          <input type="search" name="owner" defaultValue={owner ?? ''} maxLength={100} />
        </label>
        <label>
          Tag
          <input type="search" name="tag" defaultValue={tag ?? ''} maxLength={50} />
        </label>
        <button type="submit">Filter</button>
        <Link href="/watched">Clear</Link>
      </form>
      <section className="panel" aria-labelledby="open-exposures">
        <h2 id="open-exposures" data-testid="open-count" data-count={board.count}>
          {formatCount(board.count)} open exposure{board.count === 1 ? '' : 's'} of{' '}
          {formatCount(board.watched)} watched product{board.watched === 1 ? '' : 's'}, as of{' '}
          {board.asOf}
        </h2>
        <p className="muted small">
          OPEN defects that reach a product marked as ours and that no mitigation or triage has
          handled: most severe first, then the newest. <strong>{board.untriaged}</strong> untriaged.
          Mark products with <code>lineage watch add</code> or the watch mutation.
        </p>
        {board.exposures.length === 0 ? (
          <p className="muted">Nothing open.</p>
        ) : (
          <table data-testid="watched-table">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Defect</th>
                <th scope="col">Product</th>
                <th scope="col">Owner</th>
                <th scope="col">Level</th>
                <th scope="col">Exposed since</th>
                <th scope="col">Triage</th>
              </tr>
            </thead>
            <tbody>
              {board.exposures.map((e) => (
                <tr
                  key={`${e.deployment.id} ${e.defect.id}`}
                  data-exposure={`${e.deployment.id} ${e.defect.id}`}
                >
                  <td>
                    <SeverityBadge severity={e.defect.severity} />
                  </td>
                  <td>
                    <Link href={nodeHref(e.defect.id)}>{e.defect.name}</Link>
                  </td>
                  <td>
                    <Link href={nodeHref(e.deployment.id)}>{e.deployment.name}</Link>
                    {e.watch.tags.length ? (
                      <div className="muted small">{e.watch.tags.join(' · ')}</div>
                    ) : null}
                  </td>
                  <td>
                    {e.watch.owner}
                    {e.watch.contact ? <div className="muted small">{e.watch.contact}</div> : null}
                  </td>
                  <td>
                    <LevelBadge level={e.level} />
                  </td>
                  <td className="nowrap">{e.since ?? 'from the start'}</td>
                  <td>
                    {e.triage ? (
                      `${enumWords(e.triage.state)}${e.triage.by ? ` (${e.triage.by})` : ''}`
                    ) : (
                      <span className="muted">untriaged</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
