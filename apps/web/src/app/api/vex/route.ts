import { MAX_ID_LENGTH } from '@lineage/domain';
import { gql } from '../../../lib/api';
import { fileProblem, fileRouteError } from '../../../lib/file-route-errors';
import { readAsOf } from '../../../lib/as-of';
import type { VexDocumentQuery } from '../../../generated/graphql';

const VEX_DOCUMENT = /* GraphQL */ `
  query VexDocument($id: ID!, $format: VexFormat!, $asOf: Date) {
    vexDocument(id: $id, format: $format, asOf: $asOf)
  }
`;

const FORMATS = {
  cyclonedx: { format: 'CYCLONEDX', type: 'application/vnd.cyclonedx+json', extension: 'cdx-vex' },
  openvex: { format: 'OPENVEX', type: 'application/json', extension: 'openvex' },
} as const;

/**
 * A VEX document of a defect or a node as a file to save: `?id=&format=cyclonedx|openvex&asOf=`.
 * A read like the pages' (one fixed query), so a plain link works, as /api/bom does.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const id = params.get('id') ?? '';
  if (!id || id.length > MAX_ID_LENGTH)
    return fileProblem(
      400,
      'BAD_USER_INPUT',
      `id: a node or defect id of 1 to ${MAX_ID_LENGTH} characters`,
    );
  const chosen = params.get('format') ?? 'cyclonedx';
  if (!(chosen in FORMATS))
    return fileProblem(400, 'BAD_USER_INPUT', 'format: cyclonedx or openvex');
  const { format, type, extension } = FORMATS[chosen as keyof typeof FORMATS];
  const asOf = readAsOf(params.get('asOf') ?? undefined);
  if (asOf.problem) return fileProblem(400, 'BAD_USER_INPUT', asOf.problem);
  try {
    const { vexDocument } = await gql<VexDocumentQuery>(VEX_DOCUMENT, {
      id,
      format,
      asOf: asOf.date,
    });
    const name = `${id.replace(/[^A-Za-z0-9._-]+/g, '_')}-${asOf.date}.${extension}.json`;
    return new Response(vexDocument, {
      headers: {
        'content-type': `${type}; charset=utf-8`,
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return fileRouteError(error, 'The VEX document could not be made.');
  }
}
