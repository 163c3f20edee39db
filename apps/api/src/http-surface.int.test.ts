import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { READER, testApi, WRITER } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const preflight = (app: ReturnType<typeof createApp>, origin: string) =>
  app.fetch('http://lineage.test/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST' },
  });

describe('cross-origin requests', () => {
  it('are refused by default: no origin reflected, never with credentials', async () => {
    const response = await preflight(api.app, 'http://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await api.app.fetch('http://lineage.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ query: '{ stats { nodes } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('are allowed from the configured origins only, without credentials', async () => {
    const app = createApp({
      store: api.store,
      log: pino({ level: 'silent' }),
      writeTokens: [],
      corsOrigins: ['http://localhost:3000'],
    });
    const allowed = await preflight(app, 'http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight(app, 'http://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('http://evil.example');
  });
});

describe('the audit trail', () => {
  const CHANGES = '{ changes(first: 20) { edges { node { graphVersion by action } } } }';

  it('shows who made a change only to a viewer with a token', async () => {
    // A change made through the API, so its `by` is a token's name.
    const made = await api.gql(
      `mutation { upsertProvider(input: { id: "provider:audit-trail-by-test", name: "Audit" }) { userErrors { code } } }`,
      {},
      WRITER.token,
    );
    expect(made.body.errors).toBeUndefined();
    const anonymous = (await api.gql(CHANGES)).body.data.changes.edges;
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((edge: { node: { by: unknown } }) => edge.node.by === null)).toBe(true);

    const reader = createApp({
      store: api.store,
      log: pino({ level: 'silent' }),
      writeTokens: [`${WRITER.name}:${WRITER.token}`],
      readTokens: [`${READER.name}:${READER.token}`],
    });
    const response = await reader.fetch('http://lineage.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${READER.token}` },
      body: JSON.stringify({ query: CHANGES }),
    });
    const named = (await response.json()).data.changes.edges;
    expect(named.map((edge: { node: { by: string } }) => edge.node.by)).toContain(WRITER.name);
  });
});
