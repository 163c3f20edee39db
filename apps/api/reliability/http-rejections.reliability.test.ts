import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSuiteApi, type ApiProcess } from './api-process';

/** The API as a real process: what its HTTP layer answers is only true there (see plugins.ts). */
let api: ApiProcess;
beforeAll(async () => {
  api = await startSuiteApi({ neo4jUri: inject('reliabilityNeo4jUri') });
});
afterAll(async () => {
  await api?.stop();
});

async function send(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code };
}

const REJECTED: [string, string, string][] = [
  ['bad syntax', '{ node(id: ', 'GRAPHQL_PARSE_FAILED'],
  ['an unknown field', '{ node(id: "x") { nonsense } }', 'GRAPHQL_VALIDATION_FAILED'],
  ['a wrong argument type', '{ models(first: "ten") { totalCount } }', 'GRAPHQL_VALIDATION_FAILED'],
];

describe('documents the API cannot run', () => {
  it.each(REJECTED)(
    'answer %s with 400 and its code, whatever the client accepts',
    async (_, query, code) => {
      for (const accept of [undefined, 'application/json', 'application/graphql-response+json']) {
        const answer = await send(query, accept ? { accept } : {});
        expect(answer, `accept: ${accept}`).toEqual({ status: 400, code });
      }
    },
  );
});

describe('the HTTP surface', () => {
  it('reports liveness and readiness', async () => {
    const base = new URL(api.url).origin;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('reflects no foreign origin', async () => {
    const response = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
