import { z } from 'zod';
import { sameOrigin } from '../../../lib/browser-request';
import { webEnv } from '../../../env';

/** The API's own bound on importFile's content (5 MB), plus room for JSON escaping. */
const MAX_CONTENT_BYTES = 5 * 1024 * 1024;
const MAX_BODY_BYTES = 2 * MAX_CONTENT_BYTES + 64 * 1024;

const IMPORT_FILE = /* GraphQL */ `
  mutation ImportFile(
    $fileName: String!
    $content: String!
    $format: ImportFormat
    $dryRun: Boolean
  ) {
    importFile(fileName: $fileName, content: $content, format: $format, dryRun: $dryRun) {
      summary {
        format
        dryRun
        records
        nodes
        relationships
        linked
        matched
        unresolved
        ambiguous
        graphVersion
        notes
        nodesWritten {
          created
          updated
          unchanged
        }
        relationshipsWritten {
          created
          updated
          unchanged
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`;

const bodySchema = z.strictObject({
  fileName: z.string().min(1).max(200),
  content: z.string(),
  format: z
    .enum(['CYCLONEDX', 'HF_CARDS', 'HF_TREE', 'ECOSYSTEM_GRAPHS', 'AVID', 'JAILBREAKBENCH'])
    .optional(),
  dryRun: z.boolean().optional(),
});

const problem = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  BAD_USER_INPUT: 400,
};

/**
 * A file the user imports, relayed to the API's importFile with THE USER'S write token (their
 * Authorization header): the web app's own token never writes. Without a token of the user's
 * nothing is sent on. Pages only: a JSON POST from this web app's origin.
 */
export async function POST(request: Request): Promise<Response> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as application/json.');
  if (!sameOrigin(request.headers))
    return problem(403, 'CROSS_ORIGIN', 'Only pages of this web app may use this route.');
  const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token)
    return problem(
      401,
      'UNAUTHENTICATED',
      'Imports need your write token (a LINEAGE_WRITE_TOKENS entry).',
    );
  const tooLarge = () =>
    problem(
      413,
      'PAYLOAD_TOO_LARGE',
      `The file is larger than ${MAX_CONTENT_BYTES / 2 ** 20} MB; import it with the CLI (lineage import).`,
    );
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge();
  let body: z.output<typeof bodySchema>;
  try {
    body = bodySchema.parse(JSON.parse(text));
  } catch {
    return problem(400, 'BAD_REQUEST', 'Send {fileName, content, format?, dryRun?} as JSON.');
  }
  if (Buffer.byteLength(body.content) > MAX_CONTENT_BYTES) return tooLarge();
  try {
    const upstream = await fetch(webEnv().LINEAGE_API_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: IMPORT_FILE, operationName: 'ImportFile', variables: body }),
      cache: 'no-store',
    });
    const answer = (await upstream.json().catch(() => ({}))) as {
      data?: { importFile: unknown };
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const error = answer.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? 'UNKNOWN';
      return problem(
        STATUS[code] ?? (upstream.status >= 400 ? upstream.status : 502),
        code,
        error.message,
      );
    }
    if (!answer.data)
      return problem(502, 'BAD_RESPONSE', `The API answered ${upstream.status} without data.`);
    return Response.json(answer.data.importFile);
  } catch {
    return problem(502, 'API_UNREACHABLE', 'The Lineage API is not reachable.');
  }
}
