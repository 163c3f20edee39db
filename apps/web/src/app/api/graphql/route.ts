import { readBrowserRequest } from '../../../lib/browser-request';
import { webEnv } from '../../../env';

const problem = (status: number, code: string, message: string) =>
  Response.json({ errors: [{ message, extensions: { code } }] }, { status });

/**
 * The browser's way to the API: same origin, so no CORS, and the web app's read token stays on
 * the server. The browser names one of the web app's own operations (lib/operations.ts) and
 * its variables; anything else (a document of its own, introspection, the audit trail, another
 * site's form) is refused before the token is used.
 */
export async function POST(request: Request): Promise<Response> {
  const checked = await readBrowserRequest(request);
  if (!checked.ok) return problem(checked.status, checked.code, checked.message);
  const env = webEnv();
  try {
    const upstream = await fetch(env.LINEAGE_API_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(env.LINEAGE_API_TOKEN ? { authorization: `Bearer ${env.LINEAGE_API_TOKEN}` } : {}),
      },
      body: JSON.stringify({
        query: checked.query,
        operationName: checked.operation,
        variables: checked.variables,
      }),
      cache: 'no-store',
    });
    return new Response(upstream.body, {
      status: upstream.status,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
    });
  } catch {
    return problem(502, 'API_UNREACHABLE', 'The Lineage API is not reachable.');
  }
}
