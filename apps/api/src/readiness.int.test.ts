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
      const query = await app.fetch('http://lineage.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ node(id: "model:openai/gpt-4o") { id } }' }),
        // Far beyond the driver's 10 s retry window: only a hang fails this.
        signal: AbortSignal.timeout(30_000),
      });
      expect(query.status).toBe(503);
      expect((await query.json()).errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await store.close();
    }
  });
});
