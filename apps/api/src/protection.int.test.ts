import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphStore } from '@lineage/graph-store';
import { freePort } from '@lineage/graph-store/testing';
import { startNeo4j, type EmbeddedNeo4j } from '@lineage/neo4j-embedded';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { READER, testApi, WRITER } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi({ readTokens: [`${READER.name}:${READER.token}`] });
});
afterAll(async () => {
  await api.store.close();
});

async function rejectionOf(query: string, token = READER.token) {
  const before = await api.store.graphHash({ ids: api.seedIds });
  const { status, body } = await api.gql(query, {}, token);
  expect(await api.store.graphHash({ ids: api.seedIds })).toEqual(before);
  return { status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
}

describe('query limits', () => {
  it('refuses a query deeper than 12 levels', async () => {
    let selection = 'id';
    for (let i = 0; i < 7; i++) selection = `outgoing { to { ${selection} } }`;
    const result = await rejectionOf(`{ node(id: "model:openai/gpt-4o") { ${selection} } }`);
    expect(result).toMatchObject({ status: 400, code: 'QUERY_TOO_DEEP' });
  });

  it('refuses nested pages whose cost is over the limit, whether page sizes are literals or variables', async () => {
    const query = `query ($first: Int) { models(first: $first) { edges { node { id
      ... on Model { children(first: 500) { edges { node { from { id name } } } } } } } } }`;
    const before = await api.store.graphHash({ ids: api.seedIds });
    for (const first of [500, 100]) {
      const { status, body } = await api.gql(query, { first }, READER.token);
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'QUERY_TOO_COSTLY',
        maxCost: 100_000,
      });
    }
    const small = await api.gql(query, { first: 5 }, READER.token);
    expect(small.body.errors).toBeUndefined();
    expect(await api.store.graphHash({ ids: api.seedIds })).toEqual(before);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: stats { nodes }`).join(' ');
    expect(await rejectionOf(`{ ${aliases} }`)).toMatchObject({
      status: 400,
      code: 'TOO_MANY_ALIASES',
    });
  });

  it('refuses a document of more than 3,000 tokens', async () => {
    const padding = Array.from({ length: 3100 }, () => 'id').join(' ');
    expect(await rejectionOf(`{ node(id: "x") { ${padding} } }`)).toMatchObject({
      status: 400,
      code: 'TOO_MANY_TOKENS',
    });
  });

  it('answers 400 to a document that does not fit the schema', async () => {
    expect(await rejectionOf('{ node(id: "x") { nonsense } }')).toMatchObject({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(await rejectionOf('{ node(id: ')).toMatchObject({
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
    });
  });

  it('caps a page at 500', async () => {
    const result = await rejectionOf('{ models(first: 501) { totalCount } }');
    expect(result.code).toBe('BAD_USER_INPUT');
    expect(result.message).toMatch(/between 1 and 500/);
  });

  it('caps the graph view at 2,000 nodes', async () => {
    const result = await rejectionOf(
      '{ lineage(id: "model:openai/gpt-4o", maxNodes: 2001) { truncated } }',
    );
    expect(result.code).toBe('BAD_USER_INPUT');
  });
});

describe('read tokens', () => {
  it('refuses reads without a token when LINEAGE_READ_TOKENS is set', async () => {
    const { status, body } = await api.gql('{ stats { nodes } }');
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('serves reads to a read token and refuses it a write with FORBIDDEN', async () => {
    expect(
      (await api.gql('{ stats { nodes } }', {}, READER.token)).body.data.stats.nodes,
    ).toBeGreaterThan(0);
    const { status, body } = await api.gql(
      `mutation { upsertProvider(input: { id: "provider:nobody-x", name: "x" }) { userErrors { code } } }`,
      {},
      READER.token,
    );
    expect(status).toBe(403);
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await api.gql('{ stats { nodes } }', {}, WRITER.token)).status).toBe(200);
  });
});

describe('logging', () => {
  it('logs every request without ever writing a token', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const app = createApp({
      store: api.store,
      log,
      writeTokens: [`${WRITER.name}:${WRITER.token}`],
    });
    for (const token of [WRITER.token, 'a-wrong-token-that-is-long-enough']) {
      await app.fetch('http://lineage.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query:
            'mutation Probe { upsertProvider(input: { id: "provider:x y", name: "x" }) { userErrors { code } } }',
        }),
      });
    }
    // The refused token never reaches execution, so only the accepted request names its operation.
    expect(lines.filter((line) => line.includes('"operation":"Probe"'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('"status":401'))).toHaveLength(1);
    expect(lines.join('\n')).not.toContain(WRITER.token);
    expect(lines.join('\n')).not.toContain('a-wrong-token');
  });
});

describe('when Neo4j is unreachable', () => {
  let neo4j: EmbeddedNeo4j | undefined;
  let dataDir: string;
  afterAll(async () => {
    await neo4j?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE, then recovers by itself once Neo4j is back', async () => {
    const port = await freePort();
    const store = await GraphStore.connect({ uri: `bolt://127.0.0.1:${port}` }, { verify: false });
    const app = createApp({ store, log: pino({ level: 'silent' }), writeTokens: [] });
    const ask = async () => {
      const response = await app.fetch('http://lineage.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { graphVersion } }' }),
      });
      return { status: response.status, body: await response.json() };
    };
    try {
      const down = await ask();
      expect(down.status).toBe(503);
      expect(down.body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');

      dataDir = await mkdtemp(path.join(tmpdir(), 'lineage-api-recovery-'));
      neo4j = await startNeo4j({ dataDir, port, heap: '512m' });
      // A fresh Neo4j may take a few seconds to answer its first query on a loaded machine:
      // until then the API keeps saying 503, then serves, with no restart of its own.
      let up = await ask();
      for (let attempt = 0; up.status === 503 && attempt < 30; attempt++) {
        expect(up.body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        up = await ask();
      }
      expect(up.status).toBe(200);
      expect(up.body.data.stats.graphVersion).toBe(0);
    } finally {
      await store.close();
    }
  });
});
