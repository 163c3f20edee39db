import { MAX_ID_LENGTH } from '@lineage/domain';
import { ApiError, gql } from '../../../lib/api';
import { readAsOf } from '../../../lib/as-of';
import type { CycloneDxBomQuery } from '../../../generated/graphql';

const CYCLONEDX_BOM = /* GraphQL */ `
  query CycloneDxBom($id: ID!, $asOf: Date) {
    cycloneDxBom(deploymentId: $id, asOf: $asOf)
  }
`;

const problem = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

const STATUS: Record<string, number> = { NOT_FOUND: 404, VALIDATION: 400, BAD_USER_INPUT: 400 };

/**
 * A deployment's CycloneDX bill of materials as a file to save: `?id=<deployment id>&asOf=`.
 * A read like the pages' (the web app's read token, one fixed query), so a plain link works.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const id = params.get('id') ?? '';
  if (!id || id.length > MAX_ID_LENGTH)
    return problem(
      400,
      'BAD_USER_INPUT',
      `id: a deployment id of 1 to ${MAX_ID_LENGTH} characters`,
    );
  const asOf = readAsOf(params.get('asOf') ?? undefined);
  if (asOf.problem) return problem(400, 'BAD_USER_INPUT', asOf.problem);
  try {
    const { cycloneDxBom } = await gql<CycloneDxBomQuery>(CYCLONEDX_BOM, { id, asOf: asOf.date });
    const name = `${id.replace(/^deployment:/, '').replace(/[^A-Za-z0-9._-]+/g, '_')}-${asOf.date}.cdx.json`;
    return new Response(cycloneDxBom, {
      headers: {
        'content-type': 'application/vnd.cyclonedx+json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof ApiError)
      return problem(STATUS[error.code] ?? 502, error.code, error.message);
    return problem(500, 'INTERNAL', 'The bill of materials could not be made.');
  }
}
