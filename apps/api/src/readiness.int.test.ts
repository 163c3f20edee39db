import { createServer, type Server, type Socket } from 'node:net';
import { GraphStore } from '@lineage/graph-store';
import { freePort } from '@lineage/graph-store/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { testApi } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

/** Asks for a node; far beyond the driver's 10 s retry window: only a hang fails this. */
async function query(app: ReturnType<typeof createApp>) {
  const response = await app.fetch('http://lineage.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ node(id: "model:openai/gpt-4o") { id } }' }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, code: (await response.json()).errors?.[0]?.extensions?.code };
}

/** A port that accepts connections and never says a word, like a hung Neo4j. */
async function silentPort(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('liveness and readiness', () => {
  it('is ready when Neo4j answers', async () => {
    const response = await api.app.fetch('http://lineage.test/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ready: true });
  });

  it('with nothing listening where Neo4j should be: alive, not ready, and queries answer 503', async () => {
    const port = await freePort();
    const store = await GraphStore.connect({ uri: `bolt://127.0.0.1:${port}` }, { verify: false });
    const app = createApp({ store, log: pino({ level: 'silent' }), writeTokens: [] });
    try {
      expect((await app.fetch('http://lineage.test/health')).status).toBe(200);
      const ready = await app.fetch('http://lineage.test/ready');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        ready: false,
        reason: expect.stringMatching(/neo4j/i),
      });
      expect(await query(app)).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    } finally {
      await store.close();
    }
  });

  it('with a Neo4j that accepts connections but never answers: not ready, and queries answer 503', async () => {
    const silent = await silentPort();
    const store = await GraphStore.connect(
      { uri: `bolt://127.0.0.1:${silent.port}` },
      { verify: false },
    );
    const app = createApp({ store, log: pino({ level: 'silent' }), writeTokens: [] });
    try {
      const ready = await app.fetch('http://lineage.test/ready');
      expect(ready.status).toBe(503);
      expect((await ready.json()).ready).toBe(false);
      expect(await query(app)).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    } finally {
      await store.close();
      await silent.close();
    }
  });
});
