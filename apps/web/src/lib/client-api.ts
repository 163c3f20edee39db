import type { BrowserOperation, BrowserResults, BrowserVariables } from './operations';

/**
 * Browser-side GraphQL, through the web app's own /api/graphql route (same origin): the route
 * runs the named operation of lib/operations.ts, never a document sent from here.
 */
export async function clientGql<Name extends BrowserOperation>(
  operation: Name,
  variables: BrowserVariables<Name>,
  signal?: AbortSignal,
): Promise<BrowserResults[Name]> {
  const response = await fetch('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operation, variables }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: BrowserResults[Name];
    errors?: { message: string }[];
  };
  if (body.errors?.length) throw new Error(body.errors[0]!.message);
  if (!body.data) throw new Error(`The API answered ${response.status} without data.`);
  return body.data;
}
