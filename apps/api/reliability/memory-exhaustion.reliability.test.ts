import { GraphStore } from '@lineage/graph-store';
import { batch, link, node, testNamespace } from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiPid, residentBytes } from './api-memory';
import { startSuiteApi, type ApiProcess } from './api-process';
import { postGraphQL } from '@lineage/testkit';

const CHILDREN = 2_000;
const REQUESTS = 150;
const CLIENTS = 4;
const ALIASES = 15;
/**
 * The API runs with a heap of 256 MB: ample for its read cache (64 MB) and the requests in
 * flight, while a cache that grows with every cursor exhausts it (the attack crashed the API).
 */
const HEAP_MB = 256;
const READ_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** The heap's limit, its young generation, code and the driver's buffers: RSS stays below. */
const MAX_RSS_BYTES = 640 * 1024 * 1024;

const ns = testNamespace();
const hub = ns.id('model', 'memory/hub');
const child = (i: number) => ns.id('model', `memory/child-${String(i).padStart(5, '0')}`);

let api: ApiProcess;
beforeAll(async () => {
  // A hub with thousands of children: every page after a fresh cursor is a full 500 rows.
  const store = await GraphStore.connect({ uri: inject('reliabilityNeo4jUri') });
  try {
    const children = Array.from({ length: CHILDREN }, (_, i) =>
      node({ id: child(i), kind: 'FineTune', name: `Memory child ${i}` }),
    );
    await store.write(
      batch(
        [node({ id: hub, kind: 'BaseModel', name: 'Memory hub' }), ...children],
        children.map((c) => link('FINE_TUNED_FROM', c.id, hub)),
      ),
      { by: 'reliability', action: 'test', summary: 'memory exhaustion hub' },
    );
  } finally {
    await store.close();
  }
  api = await startSuiteApi({
    neo4jUri: inject('reliabilityNeo4jUri'),
    nodeOptions: `--max-old-space-size=${HEAP_MB}`,
  });
});
afterAll(async () => {
  await api?.stop();
});

const cursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

/** 15 aliased pages of 500 relationships, each after a cursor no one asked for before. */
function freshPages(request: number) {
  const aliases = Array.from({ length: ALIASES }, (_, a) => {
    const at = (request * ALIASES + a) % (CHILDREN - 500);
    const after = cursor(`${child(at)} ${request}-${a}`);
    return `a${a}: node(id: "${hub}") { incoming(first: 500, after: "${after}") {
      edges { node { type declared sources } } } }`;
  });
  return `{ ${aliases.join('\n')} }`;
}

describe('anonymous reads with fresh cursors, over and over', () => {
  it("leave the API's memory bounded, and the API answering", async () => {
    const pid = await apiPid(Number(new URL(api.url).port));
    // Warm up: the first requests load code and fill pools; growth is measured after them.
    for (let i = 0; i < 10; i++) await postGraphQL(api.url, { query: freshPages(-1 - i) });
    const before = await residentBytes(pid);
    let peak = before;
    let next = 0;
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < REQUESTS) {
          const answer = await postGraphQL(
            api.url,
            { query: freshPages(next++) },
            { timeoutMs: 120_000 },
          );
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          peak = Math.max(peak, await residentBytes(pid));
        }
      }),
    );
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    console.info(
      `[reliability] memory: ${REQUESTS} requests of ${ALIASES} fresh 500-row pages, ` +
        `RSS ${mb(before)} MB -> peak ${mb(peak)} MB; statuses ${JSON.stringify([...statuses])}`,
    );
    expect(statuses.get(200)).toBe(REQUESTS);
    expect(peak).toBeLessThan(MAX_RSS_BYTES);
    const after = await postGraphQL(api.url, {
      query: `{ node(id: "${hub}") { id } stats { readCache { bytes } } }`,
    });
    expect(after.data?.node?.id).toBe(hub);
    expect(after.data.stats.readCache.bytes).toBeLessThanOrEqual(READ_CACHE_MAX_BYTES);
  }, 480_000);
});
