import { toCsv, type Column } from '@lineage/domain';
import type { LicenceCheckPageQuery } from '../../../generated/graphql';
import { ApiError, gql } from '../../../lib/api';
import { readProblemKind } from '../../../lib/licence-words';
import { LICENCE_CHECK, LICENCE_ROWS } from '../../licences/licences-query';

export const dynamic = 'force-dynamic';

type Row = LicenceCheckPageQuery['shown']['problems'][number];

const COLUMNS: Column<Row>[] = [
  { header: 'kind', value: (r) => r.kind },
  { header: 'node_id', value: (r) => r.node.id },
  { header: 'node_name', value: (r) => r.node.name },
  { header: 'licence_text', value: (r) => r.text },
  { header: 'declared', value: (r) => r.declared?.id ?? '' },
  { header: 'inherited', value: (r) => r.inherited.id },
  { header: 'inherited_source', value: (r) => r.inherited.source },
  { header: 'from', value: (r) => r.from.id },
  { header: 'level', value: (r) => r.level },
  { header: 'dropped', value: (r) => r.dropped.join(' ') },
  { header: 'acknowledged', value: (r) => String(r.acknowledged) },
  { header: 'reason', value: (r) => r.reason },
  { header: 'path', value: (r) => r.path.map((step) => step.id).join(' > ') },
];

const problem = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });

/**
 * The licence problems the /licences page lists, as CSV. The API pages the check only by `first`,
 * so the file holds the first 500 at most; its name says so when there are more.
 */
export async function GET(request: Request): Promise<Response> {
  const { kind, problem: wrong } = readProblemKind(
    new URL(request.url).searchParams.get('kind') ?? undefined,
  );
  if (wrong) return problem(400, 'kind must be conflicts or drops (or left out for both).');
  let check: LicenceCheckPageQuery['shown'];
  try {
    check = (
      await gql<LicenceCheckPageQuery>(LICENCE_CHECK, { kind: kind ?? null, first: LICENCE_ROWS })
    ).shown;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT')
      return problem(400, error.message);
    return problem(502, 'The Lineage API could not answer: try again later.');
  }
  const part =
    check.count > check.problems.length ? `-first-${check.problems.length}-of-${check.count}` : '';
  const name = `licence-problems${kind ? `-${kind.toLowerCase()}` : ''}-graph-version-${check.graphVersion}${part}.csv`;
  return new Response(toCsv(check.problems, COLUMNS), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-total-count': String(check.count),
    },
  });
}
