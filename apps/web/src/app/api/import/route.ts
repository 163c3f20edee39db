import { z } from 'zod';
import { problem, relayMutation, userWriteToken } from '../../../lib/relay-write';

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

/**
 * A file the user imports, relayed to the API's importFile with THE USER'S write token (their
 * Authorization header): the web app's own token never writes. Without a token of the user's
 * nothing is sent on. Pages only: a JSON POST from this web app's origin.
 */
export async function POST(request: Request): Promise<Response> {
  const token = userWriteToken(request, 'Imports');
  if (token instanceof Response) return token;
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
  return relayMutation(token, {
    query: IMPORT_FILE,
    operationName: 'ImportFile',
    variables: body,
    field: 'importFile',
  });
}
