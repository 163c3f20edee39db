import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from './graph-store';
import { batch, connectTestStore, link, node, testNamespace } from './testing';

let store: GraphStore;
beforeAll(async () => {
  store = await connectTestStore();
});
afterAll(async () => {
  await store.close();
});

const change = { by: 'test', action: 'test', summary: 'touched ids' };

describe('the ids each write touched, for replicas read caches', () => {
  it('names every node written and both ends of every relationship written or removed', async () => {
    const ns = testNamespace();
    const [base, tuned, other] = ['base', 'tuned', 'other'].map((name) =>
      ns.id('model', `lab/${name}`),
    ) as [string, string, string];
    await store.write(
      batch([
        node({ id: base, kind: 'BaseModel', name: 'Base' }),
        node({ id: other, kind: 'BaseModel', name: 'Other' }),
      ]),
      change,
    );
    const start = await store.graphVersion();
    const linked = await store.write(
      batch(
        [
          node({ id: tuned, kind: 'FineTune', name: 'Tuned' }),
          // Unchanged: written again as stored, so not touched.
          node({ id: other, kind: 'BaseModel', name: 'Other' }),
        ],
        [link('FINE_TUNED_FROM', tuned, base)],
      ),
      change,
    );
    const touched = await store.touchedBetween(start, linked.graphVersion);
    // Other test files write meanwhile: their ids may be there too, never ours unchanged.
    expect(touched).toBeDefined();
    expect([...touched!].filter((id) => id.startsWith(ns.id('model', '')))).toEqual(
      expect.arrayContaining([tuned, base]),
    );
    expect(touched!.has(other)).toBe(false);

    const unlinked = await store.removeRelationships(
      [{ type: 'FINE_TUNED_FROM', from: tuned, to: base }],
      change,
    );
    const removed = await store.touchedBetween(linked.graphVersion, unlinked.graphVersion);
    expect(removed === undefined || (removed.has(tuned) && removed.has(base))).toBe(true);
  });

  it('does not know what a node removal touched (its neighbours), nor versions it never saw', async () => {
    const ns = testNamespace();
    const id = ns.id('model', 'lab/gone');
    await store.write(batch([node({ id, kind: 'BaseModel', name: 'Gone' })]), change);
    const before = await store.graphVersion();
    const report = await store.removeNodes([id], change);
    expect(await store.touchedBetween(before, report.graphVersion)).toBeUndefined();
    expect(
      await store.touchedBetween(report.graphVersion, report.graphVersion + 5),
    ).toBeUndefined();
    expect(await store.touchedBetween(report.graphVersion, report.graphVersion)).toEqual(new Set());
  });
});
