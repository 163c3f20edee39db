import { idProblem, LINEAGE_RELATIONS, NODE_KINDS, toCsv, type Column } from '@lineage/domain';
import type { ImpactPageQuery } from '../../../generated/graphql';
import { ApiError, gql } from '../../../lib/api';
import { readAsOf, readFlag } from '../../../lib/as-of';
import { EXPORT_PAGE_SIZE, IMPACT_PAGE } from '../../../components/impact/exposed-page';

export const dynamic = 'force-dynamic';

type Variables = {
  id: string;
  asOf: string;
  disclosedOnly: boolean;
  first: number;
  distance?: number;
  relation?: string;
  kinds?: string[];
};
type Row = ImpactPageQuery['impact']['exposed']['edges'][number]['node'];

const COLUMNS: Column<Row>[] = [
  { header: 'id', value: (r) => r.node.id },
  { header: 'name', value: (r) => r.node.name },
  { header: 'kind', value: (r) => r.node.kind },
  { header: 'level', value: (r) => r.level },
  { header: 'distance', value: (r) => r.distance },
  { header: 'reached_over', value: (r) => r.hops.at(-1)?.relation ?? 'ORIGIN' },
  { header: 'path', value: (r) => r.path.map((step) => step.id).join(' > ') },
  {
    header: 'hop_rules',
    value: (r) =>
      r.hops
        .map((hop) => `${hop.relation}${hop.declared ? '' : ' (inferred)'}: ${hop.transmits}`)
        .join(' > '),
  },
];

const problem = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });

/** The request's filter, or what is wrong with it. */
function readRequest(params: URLSearchParams): Variables | string {
  const id = params.get('defect')?.trim() ?? '';
  if (!id) return 'Name the defect: ?defect=defect:<id>.';
  const wrong = idProblem(id, 'Defect');
  if (wrong) return `defect: ${wrong}.`;
  const asOf = readAsOf(params.get('asOf') ?? undefined);
  if (asOf.problem)
    return `asOf: "${params.get('asOf')?.slice(0, 40)}" is not a date written YYYY-MM-DD.`;
  const variables: Variables = {
    id,
    asOf: asOf.date,
    disclosedOnly: readFlag(params.get('disclosedOnly') ?? undefined),
    first: EXPORT_PAGE_SIZE,
  };
  const distance = params.get('distance');
  if (distance !== null) {
    if (!/^\d{1,3}$/.test(distance) || Number(distance) > 100)
      return `distance must be a whole number from 0 to 100, got "${distance.slice(0, 20)}".`;
    variables.distance = Number(distance);
  }
  const relation = params.get('relation');
  if (relation !== null) {
    if (!(LINEAGE_RELATIONS as readonly string[]).includes(relation))
      return `relation must be one of ${LINEAGE_RELATIONS.join(', ')}.`;
    variables.relation = relation as string;
  }
  const kinds = params.get('kinds');
  if (kinds !== null) {
    const list = kinds.split(',');
    const unknown = list.find((kind) => !(NODE_KINDS as readonly string[]).includes(kind));
    if (unknown !== undefined) return `kinds: "${unknown.slice(0, 40)}" is not a node kind.`;
    variables.kinds = list as string[];
  }
  return variables;
}

/**
 * Every exposed node of a defect as CSV, streamed: page after page from the API's exposed
 * connection with the web app's own token, so the file holds the whole impact however large,
 * in the API's order (level, distance, id).
 */
export async function GET(request: Request): Promise<Response> {
  const variables = readRequest(new URL(request.url).searchParams);
  if (typeof variables === 'string') return problem(400, variables);
  let first: ImpactPageQuery;
  try {
    first = await gql<ImpactPageQuery>(IMPACT_PAGE, variables);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND')
      return problem(404, `No defect ${variables.id}.`);
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT')
      return problem(400, error.message);
    return problem(502, 'The Lineage API could not answer: try again later.');
  }
  const encoder = new TextEncoder();
  let page: ImpactPageQuery['impact']['exposed'] | undefined = first.impact.exposed;
  let header = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!page) return controller.close();
      const csv = toCsv(
        page.edges.map((edge) => edge.node),
        COLUMNS,
      );
      controller.enqueue(encoder.encode(header ? csv : csv.slice(csv.indexOf('\r\n') + 2)));
      header = false;
      const next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      if (!next) {
        page = undefined;
        return;
      }
      try {
        page = (await gql<ImpactPageQuery>(IMPACT_PAGE, { ...variables, after: next })).impact
          .exposed;
      } catch {
        // Headers are sent: a truncated file must not pass for a whole one.
        controller.error(new Error('the API failed mid-export'));
      }
    },
  });
  const name = `impact-${variables.id.replace(/[^\w.-]+/g, '_')}-as-of-${first.impact.asOf}${
    variables.disclosedOnly ? '-disclosed-only' : ''
  }.csv`;
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-total-count': String(first.impact.exposed.totalCount),
    },
  });
}
