import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphBatch } from '@lineage/domain';
import type { GraphStore } from './graph-store';
import { batch, link, node, startOwnStore, testNamespace, type OwnStore } from './testing';

// A Neo4j of this file's own: a chunked import holds the whole graph, which would refuse the
// writes of the other test files sharing the run's database.
let own: OwnStore;
let store: GraphStore;
beforeAll(async () => {
  own = await startOwnStore({ heap: '1g' });
  store = own.store;
});
afterAll(async () => {
  await own.stop();
});

const change = { by: 'test', action: 'import test', summary: 'staged import test' };

/** Stored: a base model A with a fine-tune X; the import adds a chain of models under A. */
async function storedGraph() {
  const ns = testNamespace();
  const a = ns.id('model', 'lab/a');
  const x = ns.id('model', 'lab/x');
  await store.write(
    batch(
      [node({ id: a, kind: 'BaseModel', name: 'A' }), node({ id: x, kind: 'FineTune', name: 'X' })],
      [link('FINE_TUNED_FROM', x, a)],
    ),
    change,
  );
  return { ns, a, x };
}

/** New models s0..s(n-1), each fine-tuned from the one before, s0 from A; and X re-parented onto s(n-1). */
function chainUnder(ns: ReturnType<typeof testNamespace>, a: string, x: string, n: number) {
  const ids = Array.from({ length: n }, (_, i) => ns.id('model', `lab/s${i}`));
  const nodes = ids.map((id, i) => node({ id, kind: 'FineTune', name: `Staged ${i}` }));
  const links = ids.map((id, i) => link('FINE_TUNED_FROM', id, i === 0 ? a : ids[i - 1]!));
  links.push(link('FINE_TUNED_FROM', x, ids[n - 1]!));
  return { ids, batch: batch(nodes, links) };
}

async function staged(
  planned: GraphBatch,
  options: Partial<Parameters<GraphStore['writeStaged']>[0]> = {},
) {
  return store.writeStaged({
    planned: { batch: planned },
    plannedAt: await store.graphVersion(),
    replan: () => Promise.resolve({ batch: planned }),
    change: () => change,
    chunkRows: 5,
    ...options,
  });
}

/** Everything a reader can ask about the test's own ids, and the graph-wide figures. */
async function whatReadersSee(token: string, a: string, ids: string[]) {
  const collect = async <T>(items: AsyncIterable<T>) => {
    const all: T[] = [];
    for await (const item of items) all.push(item);
    return all;
  };
  const [nodes, relationships] = [
    await collect(store.exportNodes()),
    await collect(store.exportRelationships()),
  ];
  return {
    hash: await store.graphHash({ idsContaining: token }),
    version: await store.graphVersion(),
    counts: await store.countByKind(),
    entities: [...(await store.getEntities(ids)).keys()],
    byName: await store.findByName('Staged 1'),
    search: (await store.search('Staged', { first: 50, offset: 0 })).items.map((h) => h.entity.id),
    list: (await store.list('Model', {}, { first: 100 })).items.map((n) => n.id),
    outgoing: await store.outgoingOf([a]),
    incoming: (await store.incomingPage(a, { first: 100 })).relationships,
    downstream: (await store.fetchClosure([a], 'DOWNSTREAM')).nodes.map((n) => n.id).sort(),
    view: (
      await store.lineageView(a, { directions: ['DOWNSTREAM'], depth: 10, maxNodes: 100 })
    ).nodes
      .map((n) => n.id)
      .sort(),
    exportedNodes: nodes.filter((n) => JSON.stringify(n).includes(token)).length,
    exportedRelationships: relationships.filter((r) => JSON.stringify(r).includes(token)).length,
  };
}

describe('a chunked import', () => {
  it('shows nothing of itself to readers until its last transaction, then all of it', async () => {
    const { ns, a, x } = await storedGraph();
    const chain = chainUnder(ns, a, x, 30);
    const before = await whatReadersSee(ns.token, a, chain.ids);
    const allBefore = await store.countAllNodes();
    let halfway: typeof before | undefined;
    let refusal: unknown;
    let stagedHalfway = 0;
    const { report } = await staged(chain.batch, {
      onChunk: async (written, total) => {
        if (written !== Math.ceil(total / 2)) return;
        halfway = await whatReadersSee(ns.token, a, chain.ids);
        // The staged rows are there (every node of any label counts them), only unseen.
        stagedHalfway = (await store.countAllNodes()) - allBefore;
        refusal = await store
          .write(
            batch([node({ id: ns.id('model', 'lab/late'), kind: 'BaseModel', name: 'L' })]),
            change,
          )
          .catch((e: unknown) => e);
      },
    });
    expect(stagedHalfway).toBeGreaterThanOrEqual(10);
    expect(halfway).toEqual(before);
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(report.importId) as string,
    });

    const after = await whatReadersSee(ns.token, a, chain.ids);
    expect(after.version).toBe(before.version + 1);
    expect(after.entities.sort()).toEqual([...chain.ids].sort());
    expect(after.downstream).toEqual([a, x, ...chain.ids].sort());
    expect(after.hash.nodes).toBe(before.hash.nodes + 30);
    expect(report.nodes.created).toBe(30);
    expect(report.relationships.created).toBe(31);
    expect(await store.recoverImports()).toEqual([]);
  });

  it('rolls back at once when its last check fails: graph hash and version as before', async () => {
    const { ns, a, x } = await storedGraph();
    const chain = chainUnder(ns, a, x, 20);
    // A made a fine-tune of X closes a cycle A <- s0 <- ... <- X <- A, found only at the end.
    chain.batch.relationships.push(link('FINE_TUNED_FROM', a, x));
    const before = await whatReadersSee(ns.token, a, chain.ids);
    const failure = await staged(chain.batch).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'CYCLE' });
    expect(await whatReadersSee(ns.token, a, chain.ids)).toEqual(before);
    // Nothing staged is left, and the graph takes writes again.
    const report = await store.write(batch([]), change);
    expect(report.changed).toBe(false);
  });

  it('rolls back when interrupted half-way, and the same import then succeeds', async () => {
    const { ns, a, x } = await storedGraph();
    const chain = chainUnder(ns, a, x, 20);
    const before = await whatReadersSee(ns.token, a, chain.ids);
    const controller = new AbortController();
    const failure = await staged(chain.batch, {
      signal: controller.signal,
      onChunk: (written, total) => {
        if (written === Math.ceil(total / 2)) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((failure as Error).message).toMatch(/interrupted/);
    expect(await whatReadersSee(ns.token, a, chain.ids)).toEqual(before);

    const { report } = await staged(chain.batch);
    expect(report.nodes.created).toBe(20);
    expect((await store.getEntities(chain.ids)).size).toBe(20);
  });

  it('rolls back everything when a chunk fails half-way', async () => {
    const { ns, a, x } = await storedGraph();
    const chain = chainUnder(ns, a, x, 20);
    const before = await whatReadersSee(ns.token, a, chain.ids);
    const failure = await staged(chain.batch, {
      onChunk: (written, total) => {
        if (written === Math.ceil(total / 2)) throw new Error('injected failure after a chunk');
      },
    }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe('injected failure after a chunk');
    expect(await whatReadersSee(ns.token, a, chain.ids)).toEqual(before);
    expect((await store.write(batch([]), change)).changed).toBe(false);
  });
});
