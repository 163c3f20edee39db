import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError, GraphBatch } from '@lineage/domain';
import type { GraphStore } from './graph-store';
import { batch, connectTestStore, link, node, testNamespace } from './testing';

let store: GraphStore;
beforeAll(async () => {
  store = await connectTestStore();
});
afterAll(async () => {
  await store.close();
});

const change = { by: 'test', action: 'test', summary: 'write-planned test' };
const changesOf = async (id: string) =>
  (await store.recentChanges(500)).filter((c) => c.summary.includes(id));

async function failure(work: Promise<unknown>): Promise<DomainError | Error | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

describe('a write planned under the write lock', () => {
  it('reconciles through the transaction: names and kinds of what is stored', async () => {
    const ns = testNamespace();
    const word = `w${randomBytes(4).toString('hex')}`;
    const stored = ns.id('model', `lab/Stored-${word}`);
    await store.write(
      batch([node({ id: stored, kind: 'BaseModel', name: `Stored ${word}` })]),
      change,
    );
    const child = ns.id('model', `lab/child-${word}`);
    const { planned, report } = await store.writePlanned(
      async (lookup) => {
        const [match] = (await lookup.matchNames([`stored ${word}`])).get(`stored ${word}`) ?? [];
        const kinds = await lookup.kindsOf([stored, child]);
        return {
          match,
          kinds,
          batch: batch(
            [node({ id: child, kind: 'FineTune', name: 'Child' })],
            [link('FINE_TUNED_FROM', child, match!.id)],
          ),
        };
      },
      () => ({ ...change, summary: `planned ${child}` }),
    );
    expect(planned.match).toEqual({
      id: stored,
      kind: 'BaseModel',
      name: `Stored ${word}`,
      curated: false,
      developers: [],
    });
    expect([...planned.kinds]).toEqual([[stored, 'BaseModel']]);
    expect(report).toMatchObject({
      nodes: { created: 1 },
      relationships: { created: 1 },
      changed: true,
    });
    expect(await changesOf(child)).toHaveLength(1);
  });

  it("lets the plan's own error leave as thrown, writing nothing", async () => {
    const id = testNamespace().id('model', 'lab/never');
    const error = await failure(
      store.writePlanned(
        async () => {
          throw new Error(`cannot read ${id}.csv`);
        },
        () => change,
      ),
    );
    expect(error?.message).toBe(`cannot read ${id}.csv`);
    expect(await store.getEntity(id)).toBeUndefined();
  });
});

describe('a patch of a stored node', () => {
  async function defect() {
    const ns = testNamespace();
    const ids = { origin: ns.id('model', 'lab/origin'), defect: ns.id('defect', 'P-1') };
    await store.write(
      batch(
        [
          node({ id: ids.origin, kind: 'BaseModel', name: 'Origin' }),
          node({ id: ids.defect, kind: 'Defect', name: 'D', category: 'BIAS', severity: 'LOW' }),
        ],
        [link('AFFECTS', ids.defect, ids.origin)],
      ),
      change,
    );
    return ids;
  }
  const patch = (id: string, set: Record<string, unknown>): GraphBatch => ({
    nodes: [],
    relationships: [],
    patches: [{ id, kinds: ['Defect'], set }],
  });

  it('changes only the fields it names, and commits nothing when they are already so', async () => {
    const ids = await defect();
    const first = await store.write(patch(ids.defect, { status: 'FIXED' }), {
      ...change,
      summary: `patch ${ids.defect}`,
    });
    expect(first.nodes).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await store.getEntity(ids.defect)).toMatchObject({
      status: 'FIXED',
      severity: 'LOW',
      name: 'D',
    });
    const again = await store.write(patch(ids.defect, { status: 'FIXED' }), {
      ...change,
      summary: `patch ${ids.defect}`,
    });
    expect(again).toMatchObject({ changed: false, graphVersion: first.graphVersion });
    // One audit entry, which tells the projection the lineage stayed as it was.
    expect(await changesOf(`patch ${ids.defect}`)).toEqual([
      expect.objectContaining({ graphVersion: first.graphVersion, lineageChanged: false }),
    ]);
  });

  it('refuses a node that does not exist, or is not of its kinds, as NOT_FOUND', async () => {
    const ids = await defect();
    const missing = await failure(store.write(patch(`${ids.defect}-ghost`, {}), change));
    const wrongKind = await failure(store.write(patch(ids.origin, { status: 'FIXED' }), change));
    expect([missing, wrongKind].map((e) => (e as DomainError).code)).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    expect(await store.getEntity(ids.origin)).not.toHaveProperty('status');
  });

  it('refuses a value the stored record cannot hold, naming the field', async () => {
    const ids = await defect();
    const error = (await failure(
      store.write(patch(ids.defect, { status: 'SOLVED' }), change),
    )) as DomainError;
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/status/);
    expect(await store.getEntity(ids.defect)).toMatchObject({ status: 'OPEN' });
  });
});
