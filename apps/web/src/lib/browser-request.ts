import { z } from 'zod';
import { BROWSER_OPERATIONS, isBrowserOperation, type BrowserOperation } from './operations';

/** Far more than any of the web app's own operations sends. */
export const MAX_BODY_BYTES = 8 * 1024;

export type BrowserRequest =
  | { ok: true; operation: BrowserOperation; query: string; variables: Record<string, unknown> }
  | { ok: false; status: number; code: string; message: string };

const refuse = (status: number, code: string, message: string): BrowserRequest => ({
  ok: false,
  status,
  code,
  message,
});

const bodySchema = z.strictObject({
  operation: z.string(),
  variables: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Checks a request to the web app's /api/graphql before the web app's token goes near it: a
 * JSON POST (a cross-site form or `no-cors` fetch can only send text/plain and the like), from
 * a page of this web app (Sec-Fetch-Site, or else Origin, must say same-origin), naming one of
 * the web app's own operations with variables of the right shape and size.
 */
export async function readBrowserRequest(request: Request): Promise<BrowserRequest> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.');
  if (!sameOrigin(request.headers))
    return refuse(403, 'CROSS_ORIGIN', 'Only pages of this web app may use this route.');
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge();

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(400, 'BAD_REQUEST', 'The body is not valid JSON.');
  }
  const body = bodySchema.safeParse(json);
  if (!body.success || !isBrowserOperation(body.data.operation))
    return refuse(
      400,
      'UNKNOWN_OPERATION',
      `This route runs only the web app's own operations (${Object.keys(BROWSER_OPERATIONS).join(', ')}), sent as {"operation", "variables"}; send other GraphQL to the API itself.`,
    );
  const operation = body.data.operation;
  const variables = BROWSER_OPERATIONS[operation].variables.safeParse(body.data.variables ?? {});
  if (!variables.success) {
    const issue = variables.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'variables';
    return refuse(400, 'BAD_USER_INPUT', `${operation}: ${where}: ${issue.message}`);
  }
  return {
    ok: true,
    operation,
    query: BROWSER_OPERATIONS[operation].document,
    variables: variables.data,
  };
}

function tooLarge(): BrowserRequest {
  return refuse(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
}

/**
 * Browsers send Sec-Fetch-Site on every request (current Chromium, Firefox, Safari) and Origin
 * on every POST; a request with neither came from no page of this web app and is refused.
 */
export function sameOrigin(headers: Headers): boolean {
  // A header pages cannot set, computed by the browser itself: trusted as it is, even behind a
  // proxy that rewrites Host.
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).host === headers.get('host');
  } catch {
    return false;
  }
}
