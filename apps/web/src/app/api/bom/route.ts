import { MAX_ID_LENGTH } from '@lineage/domain';
import { gql } from '../../../lib/api';
import { fileProblem, fileRouteError } from '../../../lib/file-route-errors';
import { readAsOf } from '../../../lib/as-of';
import type { CycloneDxBomQuery } from '../../../generated/graphql';

const CYCLONEDX_BOM = /* GraphQL */ `
  query CycloneDxBom($id: ID!, $asOf: Date) {
    cycloneDxBom(deploymentId: $id, asOf: $asOf)
  }
`;

/**
 * A deployment's CycloneDX bill of materials as a file to save: `?id=<deployment id>&asOf=`.
 * A read like the pages' (the web app's read token, one fixed query), so a plain link works.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const id = params.get('id') ?? '';
  if (!id || id.length > MAX_ID_LENGTH)
    return fileProblem(
      400,
      'BAD_USER_INPUT',
      `id: a deployment id of 1 to ${MAX_ID_LENGTH} characters`,
    );
  const asOf = readAsOf(params.get('asOf') ?? undefined);
  if (asOf.problem) return fileProblem(400, 'BAD_USER_INPUT', asOf.problem);
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
    return fileRouteError(error, 'The bill of materials could not be made.');
  }
}
