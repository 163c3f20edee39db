import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../../web/e2e/stack';
import { READ_TOKENS } from './tokens';

/**
 * Read tokens through the web app: the API requires one, the web app holds its own, and an
 * anonymous browser request must not borrow it for anything but the web app's own operations.
 */
const WEB_TOKEN = `web-${randomBytes(16).toString('hex')}`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    neo4jUri: inject('reliabilityNeo4jUri'),
    apiEnv: { LINEAGE_READ_TOKENS: `${READ_TOKENS},web:${WEB_TOKEN}` },
    webEnv: { LINEAGE_API_TOKEN: WEB_TOKEN },
    log: (line) => process.stderr.write(`[web-read-tokens] ${line}\n`),
  });
}, 900_000);
afterAll(async () => {
  await stack?.stop();
});

/** A POST to the web app's GraphQL route, as a page of the web app itself sends it. */
async function proxy(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.webUrl}/api/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: stack.webUrl,
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as GraphQLBody };
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';
const AUDIT_TRAIL = '{ changes(first: 5) { edges { node { by action summary } } } }';

describe('the API behind the web app', () => {
  it('refuses an anonymous read of its own', async () => {
    const response = await fetch(stack.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { nodes } }' }),
    });
    expect(response.status).toBe(401);
  });
});

describe("the web app's /api/graphql for an anonymous caller", () => {
  for (const [name, query] of [
    ['an introspection query', INTROSPECTION],
    ['the audit trail', AUDIT_TRAIL],
  ] as const) {
    it(`refuses ${name} sent as a document, with a JSON error naming why`, async () => {
      const answer = await proxy(JSON.stringify({ query }));
      expect(answer.status).toBe(400);
      const body = answer.json();
      expect(body.data ?? undefined).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNKNOWN_OPERATION');
      expect(answer.text).not.toContain('__schema');
      expect(answer.text).not.toContain('"by"');
    });
  }

  it('refuses a body sent as text/plain (a form or no-cors fetch from another site) with 415', async () => {
    const answer = await proxy(
      JSON.stringify({ operation: 'Suggest', variables: { text: 'llama' } }),
      {
        'content-type': 'text/plain',
      },
    );
    expect(answer.status).toBe(415);
    expect(answer.json().errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a request from another origin', async () => {
    const answer = await proxy(
      JSON.stringify({ operation: 'Suggest', variables: { text: 'llama' } }),
      {
        origin: 'http://attacker.example',
        'sec-fetch-site': 'cross-site',
      },
    );
    expect(answer.status).toBe(403);
    expect(answer.json().errors?.[0]?.extensions?.code).toBe('CROSS_ORIGIN');
  });

  it("runs the web app's own operations with its token", async () => {
    const answer = await proxy(
      JSON.stringify({ operation: 'Suggest', variables: { text: 'llama' } }),
    );
    expect(answer.status).toBe(200);
    const body = answer.json() as { data?: { search?: { edges: unknown[] } } };
    expect(body.data?.search?.edges.length).toBeGreaterThan(0);
  });

  it('serves the pages, read with its token, which never appears in them', async () => {
    for (const route of ['/', '/nodes/model%3Ameta-llama%2FLlama-2-7b-hf', '/what-if']) {
      const response = await fetch(`${stack.webUrl}${route}`);
      const html = await response.text();
      expect(response.status, route).toBe(200);
      expect(html, route).not.toContain(WEB_TOKEN);
    }
    const node = await (
      await fetch(`${stack.webUrl}/nodes/model%3Ameta-llama%2FLlama-2-7b-hf`)
    ).text();
    expect(node).toContain('Llama 2 7B');
  });
});
