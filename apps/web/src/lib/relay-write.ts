import 'server-only';
import { webEnv } from '../env';
import { sameOrigin } from './browser-request';

export const problem = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  BAD_USER_INPUT: 400,
};

/**
 * What every write route checks before anything is sent on: a JSON POST from a page of this
 * web app, carrying THE USER'S write token (their Authorization header). The web app's own
 * token never writes. Returns the token, or the response refusing the request.
 */
export function userWriteToken(request: Request, purpose: string): string | Response {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.');
  if (!sameOrigin(request.headers))
    return problem(403, 'CROSS_ORIGIN', 'Only pages of this web app may use this route.');
  const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return (
    token ??
    problem(
      401,
      'UNAUTHENTICATED',
      `${purpose} need your write token (a LINEAGE_WRITE_TOKENS entry).`,
    )
  );
}

/**
 * One mutation sent to the API with the user's token; its payload (the `field` of data) is the
 * answer, and a GraphQL error becomes a problem with the status its code means.
 */
export async function relayMutation(
  token: string,
  request: { query: string; operationName: string; variables: object; field: string },
): Promise<Response> {
  try {
    const upstream = await fetch(webEnv().LINEAGE_API_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: request.query,
        operationName: request.operationName,
        variables: request.variables,
      }),
      cache: 'no-store',
    });
    const answer = (await upstream.json().catch(() => ({}))) as {
      data?: Record<string, unknown>;
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
    return Response.json(answer.data[request.field]);
  } catch {
    return problem(502, 'API_UNREACHABLE', 'The Lineage API is not reachable.');
  }
}
