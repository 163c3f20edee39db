import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from './graph-store';
import { loadFamily as family, startOwnStore, type OwnStore } from './testing';

// Bulk loading needs an empty graph: a Neo4j of this file's own.
let own: OwnStore;
let store: GraphStore;
beforeAll(async () => {
  own = await startOwnStore();
  store = own.store;
});
afterAll(async () => {
  await own?.stop();
});

const change = { by: 'test', action: 'bulk load', summary: 'generated' };

describe('bulk loading', () => {
  it('stores exactly what the checked write path stores, in many transactions', async () => {
    const items = [...family('bulk', 3000)];
    const nodes = items.filter((item) => 'node' in item).length;
    const progress: number[] = [];
    const report = await store.bulkLoad(items, change, {
      batchSize: 500,
      onProgress: (n, r) => progress.push(n + r),
    });
    expect(report).toMatchObject({ nodes, relationships: items.length - nodes });
    expect(report.transactions).toBeGreaterThan(items.length / 500 - 1);
    expect(progress.at(-1)).toBe(items.length);
    const version = await store.graphVersion();

    // The same records through the atomic, diffing write: nothing to change.
    const batch = {
      nodes: items.flatMap((item) => ('node' in item ? [item.node] : [])),
      relationships: items.flatMap((item) => ('relationship' in item ? [item.relationship] : [])),
    };
    const again = await store.write(batch, change);
    expect(again.changed).toBe(false);
    expect(again.nodes.unchanged).toBe(nodes);
    expect(await store.graphVersion()).toBe(version);
  });

  it('refuses a graph that already holds nodes, and writes nothing', async () => {
    const hash = await store.graphHash();
    const error = await store.bulkLoad(family('late', 10), change).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as Error).message).toMatch(/needs an empty graph/);
    expect(await store.graphHash()).toEqual(hash);
  });
});
