import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiProblem } from '../../components/ApiProblem';
import { LicenceProblemsTable } from '../../components/licences/LicenceProblemsTable';
import type { LicenceCheckPageQuery } from '../../generated/graphql';
import { attempt, gql } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { PROBLEM_KINDS, readProblemKind, type ProblemKind } from '../../lib/licence-words';
import { LICENCE_CHECK, LICENCE_ROWS } from './licences-query';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Licences' };

const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

const kindHref = (kind?: ProblemKind) =>
  kind ? `/licences?${new URLSearchParams({ kind: kind.toLowerCase() })}` : '/licences';

/**
 * The licence check over the whole graph: derivatives whose declared licence drops or conflicts
 * with binding terms an ancestor passes down, conflicts first, then the surest.
 */
export default async function LicencesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { kind, problem } = readProblemKind((await searchParams).kind);
  const loaded = await attempt(() =>
    gql<LicenceCheckPageQuery>(LICENCE_CHECK, { kind: kind ?? null, first: LICENCE_ROWS }),
  );
  if ('problem' in loaded) return <ApiProblem error={loaded.problem} retry={kindHref(kind)} />;
  const { shown } = loaded.value;
  const { conflicts, drops } = shown;
  const total = conflicts + drops;
  const filters: [ProblemKind | undefined, string, number][] = [
    [undefined, 'All', total],
    ['CONFLICTS', PROBLEM_KINDS.CONFLICTS.label, conflicts],
    ['DROPS', PROBLEM_KINDS.DROPS.label, drops],
  ];
  const order = kind
    ? 'the surest first, then by node'
    : 'conflicts first, then the surest, then by node';
  const csvHref = `/export/licences${kind ? `?kind=${kind.toLowerCase()}` : ''}`;
  return (
    <>
      <h1>Licences</h1>
      <p className="lede">
        Terms such as Llama’s, Gemma’s or a non-commercial licence bind every derivative. A model or
        dataset whose declared licence leaves out their obligations <strong>drops</strong> them; one
        whose licence cannot hold beside them <strong>conflicts</strong>.
      </p>
      {problem ? (
        <p role="alert" className="error-text">
          {problem}
        </p>
      ) : null}
      <section className="panel" aria-labelledby="licence-problems">
        <h2 id="licence-problems" data-testid="licence-counts" data-count={total}>
          {plural(total, 'problem')} among {plural(shown.checked, 'node')} checked:{' '}
          {plural(conflicts, 'conflict')}, {plural(drops, 'drop')}
        </h2>
        <nav aria-label="Filter by kind of problem" className="kind-filters">
          <ul>
            {filters.map(([value, label, count]) => (
              <li key={label}>
                <Link href={kindHref(value)} aria-current={value === kind ? 'page' : undefined}>
                  {label} <span className="count">{formatCount(count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {shown.problems.length === 0 ? (
          <p role="status" data-testid="licence-empty">
            {kind
              ? `No ${PROBLEM_KINDS[kind].plural}: no derivative’s declared licence ${kind === 'CONFLICTS' ? 'contradicts' : 'leaves out obligations of'} the terms it inherits.`
              : 'No licence problems: every derivative’s declared licence keeps the terms it inherits.'}
          </p>
        ) : (
          <>
            <p className="toolbar small">
              <span className="muted" data-testid="licence-shown">
                {shown.count > shown.problems.length
                  ? `The first ${formatCount(shown.problems.length)} of ${formatCount(shown.count)}: ${order}.`
                  : `${order[0]!.toUpperCase()}${order.slice(1)}.`}
              </span>
              <a href={csvHref} download data-testid="licence-csv">
                Download as CSV
              </a>
            </p>
            <LicenceProblemsTable problems={shown.problems} />
          </>
        )}
        <p className="muted small">
          Checked on graph version {shown.graphVersion}. Nodes checked are those below terms that
          bind derivatives; a licence text Lineage cannot read is not checked.{' '}
          <Link href="/glossary">What the levels mean</Link>.
        </p>
      </section>
    </>
  );
}
