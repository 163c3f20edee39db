import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from './graph-store';
import type { LoadItem } from './bulk-load';
import { link, node, startOwnStore, type OwnStore } from './testing';

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

/** A provider's base model, then `size` models each derived from an earlier one, then an app. */
function* family(name: string, size: number): Generator<LoadItem> {
  const provider = `provider:${name}`;
  const model = (i: number) => `model:${name}/m${i}`;
  yield { node: node({ id: provider, kind: 'Provider', name }) };
  for (let i = 0; i < size; i++) {
    const kind = i === 0 ? 'BaseModel' : i % 3 ? 'FineTune' : 'Quantization';
    yield { node: node({ id: model(i), kind, name: `${name} ${i}`, aliases: [`${name}-${i}`] }) };
    yield { relationship: link('DEVELOPED_BY', model(i), provider) };
    if (i > 0) {
      const type = kind === 'FineTune' ? 'FINE_TUNED_FROM' : 'QUANTIZED_FROM';
      yield {
        relationship: link(type, model(i), model(Math.floor((i - 1) / 2))),
      };
    }
  }
  yield { node: node({ id: `deployment:${name}/app`, kind: 'Deployment', name: `${name} app` }) };
  yield {
    relationship: link('DEPLOYS', `deployment:${name}/app`, model(size - 1), { declared: false }),
  };
}

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
