import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from './graph-store';
import { batch, connectTestStore, node, testNamespace } from './testing';

let store: GraphStore;
const ns = testNamespace();
// A word no other test writes, so that only this file's nodes can match.
const word = `w${randomBytes(4).toString('hex')}`;
const ids = {
  chat: ns.id('model', `acme/Widget-${word}-7B-Chat`),
  alpha: ns.id('model', `alpha/Gizmo-${word}`),
  beta: ns.id('model', `beta/Gizmo-${word}`),
  defect: ns.id('defect', `jbb-${word}`),
};

beforeAll(async () => {
  store = await connectTestStore();
  await store.write(
    batch([
      node({ id: ids.chat, kind: 'FineTune', name: `Widget-${word}-7B-Chat` }),
      node({ id: ids.alpha, kind: 'BaseModel', name: `Gizmo-${word}`, origin: 'import' }),
      node({ id: ids.beta, kind: 'Quantization', name: `Gizmo-${word}` }),
      node({
        id: ids.defect,
        kind: 'Defect',
        name: `A jailbreak of ${word}`,
        aliases: [`JailbreakBench attack_${word}_search`],
        category: 'JAILBREAK',
        severity: 'HIGH',
        origin: 'seed',
      }),
    ]),
    { by: 'test', action: 'test', summary: 'lookup-store test' },
  );
});
afterAll(async () => {
  await store.close();
});

describe('matching names to stored nodes', () => {
  it('ignores case, punctuation and spacing', async () => {
    const name = `widget ${word.toUpperCase()} 7b_chat`;
    const found = await store.matchNames([name]);
    expect(found.get(name)?.map((c) => c.id)).toEqual([ids.chat]);
  });

  it('finds an alias whose words are joined by underscores', async () => {
    const alias = `JailbreakBench attack_${word}_search`;
    const found = await store.matchNames([alias]);
    expect(found.get(alias)).toEqual([
      {
        id: ids.defect,
        kind: 'Defect',
        name: `A jailbreak of ${word}`,
        curated: true,
        developers: [],
      },
    ]);
  });

  it('returns every namesake, so that the caller can refuse to merge them silently', async () => {
    const found = await store.matchNames([`Gizmo-${word}`, `nothing-${word}`]);
    expect(new Set(found.get(`Gizmo-${word}`)?.map((c) => c.id))).toEqual(
      new Set([ids.alpha, ids.beta]),
    );
    expect(found.has(`nothing-${word}`)).toBe(false);
  });
});

describe('ids folded to lower case', () => {
  it('finds a stored id whatever the letter case asked', async () => {
    const asked = ids.chat.toUpperCase().replace('MODEL:', 'model:');
    const found = await store.storedIdsFolded([asked]);
    expect(found.get(asked)).toEqual({ id: ids.chat, kind: 'FineTune' });
  });

  it('refuses a new id that differs from a stored one only in case, and writes nothing', async () => {
    const twin = ids.chat.replace('Widget', 'WIDGET');
    const before = await store.graphVersion();
    const error = await store
      .write(batch([node({ id: twin, kind: 'FineTune', name: 'twin' })]), {
        by: 'test',
        action: 'test',
        summary: 'case twin',
      })
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(error?.message).toMatch(/differ from another only in letter case/);
    expect(await store.getEntity(twin)).toBeUndefined();
    expect(await store.graphVersion()).toBe(before);
  });
});

describe("an organisation's nodes", () => {
  it('are those under its hub owners, whatever their case, each with its aliases', async () => {
    const owner = ids.alpha.slice('model:'.length, ids.alpha.indexOf('/'));
    const found = await store.nodesOwnedBy([
      { providerId: 'provider:nobody', hubOwners: [owner.toUpperCase()] },
    ]);
    expect(found.get('provider:nobody')).toEqual([
      {
        id: ids.alpha,
        kind: 'BaseModel',
        name: `Gizmo-${word}`,
        aliases: [],
        curated: false,
        developers: [],
      },
    ]);
  });
});
