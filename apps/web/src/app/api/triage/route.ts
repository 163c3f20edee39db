import { z } from 'zod';
import { TRIAGE_JUSTIFICATIONS, TRIAGE_STATES } from '@lineage/domain';
import { problem, relayMutation, userWriteToken } from '../../../lib/relay-write';

const SET_TRIAGE = /* GraphQL */ `
  mutation SetTriage($input: TriageInput!) {
    setTriage(input: $input) {
      triage {
        state
        justification
        by
        at
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`;

// The API checks the rest (ids stored, a justification with NOT_AFFECTED only, the note's length).
const bodySchema = z.strictObject({
  defectId: z.string().min(1).max(500),
  nodeId: z.string().min(1).max(500),
  state: z.enum(TRIAGE_STATES),
  justification: z.enum(TRIAGE_JUSTIFICATIONS).optional(),
  note: z.string().max(4000).optional(),
});

/** Far more than a triage sends: a note of 4,000 characters, escaped. */
const MAX_BODY_BYTES = 32 * 1024;

/**
 * A triage made on a defect's page, relayed to the API's setTriage with THE USER'S write
 * token: the web app's own token never writes. Pages only: a JSON POST from this web app.
 */
export async function POST(request: Request): Promise<Response> {
  const token = userWriteToken(request, 'Triage decisions');
  if (token instanceof Response) return token;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    return problem(413, 'PAYLOAD_TOO_LARGE', 'A triage is a few fields and a note.');
  let input: z.output<typeof bodySchema>;
  try {
    input = bodySchema.parse(JSON.parse(text));
  } catch {
    return problem(
      400,
      'BAD_REQUEST',
      'Send {defectId, nodeId, state, justification?, note?} as JSON.',
    );
  }
  return relayMutation(token, {
    query: SET_TRIAGE,
    operationName: 'SetTriage',
    variables: { input },
    field: 'setTriage',
  });
}
