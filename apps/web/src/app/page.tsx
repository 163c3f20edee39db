import Link from 'next/link';
import { KindBadge, SeverityBadge } from '../components/Badges';
import { SearchBox } from '../components/SearchBox';
import { ApiProblem } from '../components/ApiProblem';
import { attempt, gql } from '../lib/api';
import { formatCount } from '../lib/format';
import { exploreHref, nodeHref } from '../lib/links';
import type { HomeQuery } from '../generated/graphql';
import { distinctReports } from '../lib/distinct-reports';

export const dynamic = 'force-dynamic';

const HOME = /* GraphQL */ `
  query Home {
    stats {
      nodes
      graphVersion
      byKind {
        kind
        count
      }
    }
    blastRadius(first: 8) {
      model {
        id
        name
      }
      deployments
      knownMonthlyUsers
      deploymentsWithUnknownUsers
    }
    defects(first: 100, orderBy: NEWEST_FIRST) {
      edges {
        node {
          id
          name
          category
          severity
          status
          disclosedAt
        }
      }
    }
  }
`;

export default async function Home() {
  const result = await attempt(() => gql<HomeQuery>(HOME));
  if ('problem' in result) return <ApiProblem error={result.problem} retry="/" />;
  const data = result.value;
  const recent = distinctReports(data.defects.edges.map((edge) => edge.node)).slice(0, 8);
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Which products does a model defect reach?</h1>
        <p className="lede">
          Lineage traces jailbreaks, safety gaps, backdoors and licence problems from the models
          where they were found, through fine-tunes, distillations, quantizations and merges, to the
          products that deploy them.
        </p>
        <SearchBox autoFocus />
      </section>

      <section aria-labelledby="stats-title" className="panel">
        <h2 id="stats-title">The graph</h2>
        <ul className="stats">
          {data.stats.byKind
            .filter((row) => row.count > 0)
            .map((row) => (
              <li key={row.kind}>
                <strong>{formatCount(row.count)}</strong> <KindBadge kind={row.kind} />
              </li>
            ))}
        </ul>
        <p className="muted">
          {formatCount(data.stats.nodes)} nodes · graph version {data.stats.graphVersion}
        </p>
      </section>

      <div className="columns">
        <section aria-labelledby="blast-title" className="panel">
          <h2 id="blast-title">Blast radius</h2>
          <p className="muted">Base models ranked by the deployed products downstream of them.</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Base model</th>
                <th scope="col">Deployments</th>
                <th scope="col">Known monthly users</th>
              </tr>
            </thead>
            <tbody>
              {data.blastRadius.map((row) => (
                <tr key={row.model.id}>
                  <td>
                    <Link href={nodeHref(row.model.id)}>{row.model.name}</Link>{' '}
                    <Link
                      className="small"
                      href={exploreHref(row.model.id, { direction: 'DOWNSTREAM' })}
                    >
                      explore
                    </Link>
                  </td>
                  <td>{row.deployments}</td>
                  <td>
                    {row.knownMonthlyUsers > 0 ? formatCount(row.knownMonthlyUsers) : 'unknown'}
                    {row.knownMonthlyUsers > 0 && row.deploymentsWithUnknownUsers ? (
                      <span className="muted"> + {row.deploymentsWithUnknownUsers} unknown</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="defects-title" className="panel">
          <h2 id="defects-title">Recent defects</h2>
          {recent.length === 0 ? (
            <p className="muted">No defects have been filed yet.</p>
          ) : (
            <ul className="defect-list">
              {recent.map(({ first: defect, similar, sharedStart }) => (
                <li key={defect.id}>
                  <Link href={nodeHref(defect.id)}>{defect.name}</Link>
                  {similar ? (
                    <>
                      {' '}
                      <Link
                        className="small"
                        href={`/defects?${new URLSearchParams({ q: sharedStart.slice(0, 200) })}`}
                      >
                        and {similar} similar report{similar === 1 ? '' : 's'}
                      </Link>
                    </>
                  ) : null}
                  <div className="meta">
                    <SeverityBadge severity={defect.severity} />{' '}
                    {defect.category.toLowerCase().replace('_', ' ')} ·{' '}
                    {defect.disclosedAt ?? 'undated'}{' '}
                    {defect.status === 'OPEN' ? '' : `· ${defect.status.toLowerCase()}`}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href="/defects">All defects, with filters</Link>
          </p>
        </section>
      </div>
    </>
  );
}
