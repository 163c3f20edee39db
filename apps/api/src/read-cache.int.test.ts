import { batch, link, node, testNamespace } from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const NODE = `query ($id: ID!) {
  node(id: $id) {
    name
    ... on LineageNode { children { totalCount edges { node { from { id name } } } } }
  }
}`;

describe('reads shared between requests', () => {
  it('never outlive a write, even one made by another process', async () => {
    const ns = testNamespace();
    const base = ns.id('model', 'lab/base');
    const tuned = ns.id('model', 'lab/tuned');
    const change = { by: 'test', action: 'test', summary: 'read cache' };
    await api.store.write(batch([node({ id: base, kind: 'BaseModel', name: 'Base' })]), change);

    const read = async () => (await api.gql(NODE, { id: base })).body.data.node;
    expect(await read()).toEqual({ name: 'Base', children: { totalCount: 0, edges: [] } });
    expect(await read()).toEqual({ name: 'Base', children: { totalCount: 0, edges: [] } });

    // Written straight to the store, as another API replica or an import would.
    await api.store.write(
      batch(
        [
          node({ id: base, kind: 'BaseModel', name: 'Base v2' }),
          node({ id: tuned, kind: 'FineTune', name: 'Tuned' }),
        ],
        [link('FINE_TUNED_FROM', tuned, base)],
      ),
      change,
    );
    expect(await read()).toEqual({
      name: 'Base v2',
      children: { totalCount: 1, edges: [{ node: { from: { id: tuned, name: 'Tuned' } } }] },
    });
  });

  it('keeps what a write did not touch, and reads again only what it did', async () => {
    const change = { by: 'test', action: 'test', summary: 'read cache, touched ids' };
    const cache = async () =>
      (await api.gql('{ stats { readCache { hits misses forgotten emptied } } }')).body.data.stats
        .readCache as { hits: number; misses: number; forgotten: number; emptied: number };
    // Other test files write to the same Neo4j meanwhile; a write of theirs that names no
    // touched ids (a removal) empties the cache and spoils the count: then the round is rerun.
    for (let round = 0; ; round++) {
      const ns = testNamespace();
      const [a, b, c] = ['a', 'b', 'c'].map((name) => ns.id('model', `lab/${name}`)) as [
        string,
        string,
        string,
      ];
      await api.store.write(
        batch([a, b, c].map((id) => node({ id, kind: 'BaseModel', name: id }))),
        change,
      );
      const names = async () => {
        const query = `{ a: node(id: "${a}") { name } b: node(id: "${b}") { name } c: node(id: "${c}") { name } }`;
        return (await api.gql(query)).body.data;
      };
      await names();
      const before = await cache();
      // Another writer renames b only: b is read again, a and c come from the cache.
      await api.store.write(batch([node({ id: b, kind: 'BaseModel', name: 'b renamed' })]), change);
      expect(await names()).toEqual({ a: { name: a }, b: { name: 'b renamed' }, c: { name: c } });
      const after = await cache();
      if (after.emptied !== before.emptied && round < 5) continue;
      expect(after.emptied).toBe(before.emptied);
      expect(after.misses - before.misses).toBe(1);
      expect(after.hits - before.hits).toBe(2);
      expect(after.forgotten - before.forgotten).toBeGreaterThanOrEqual(1);
      return;
    }
  });

  it("share a defect's context for impact, and a mitigation written since is in the next impact", async () => {
    const change = { by: 'test', action: 'test', summary: 'read cache, defect context' };
    const ns = testNamespace();
    const [base, app] = [ns.id('model', 'lab/base'), ns.id('deployment', 'lab/app')];
    const defect = ns.id('defect', 'LAB-1');
    await api.store.write(
      batch(
        [
          node({ id: base, kind: 'BaseModel', name: 'Base' }),
          node({ id: app, kind: 'Deployment', name: 'App' }),
          node({
            id: defect,
            kind: 'Defect',
            name: 'Lab defect',
            category: 'SAFETY_GAP',
            severity: 'LOW',
            status: 'OPEN',
          }),
        ],
        [link('DEPLOYS', app, base), link('AFFECTS', defect, base)],
      ),
      change,
    );
    const levels = async () => {
      const query = `query ($id: ID!) {
        impact(defectId: $id) {
          exposed { edges { node { level node { id } } } }
          mitigated { node { id } }
        }
      }`;
      const { data } = (await api.gql(query, { id: defect })).body;
      const edges = data.impact.exposed.edges as {
        node: { level: string; node: { id: string } };
      }[];
      const mitigated = data.impact.mitigated as { node: { id: string } }[];
      return {
        app: edges.find((edge) => edge.node.node.id === app)?.node.level,
        mitigated: mitigated.map((entry) => entry.node.id),
      };
    };
    const stats = async () =>
      (await api.gql('{ stats { readCache { hits emptied } } }')).body.data.stats.readCache as {
        hits: number;
        emptied: number;
      };
    expect(await levels()).toMatchObject({ app: 'CERTAIN', mitigated: [] });
    // The second impact finds the context held, unless another test file's write emptied the
    // cache meanwhile (a removal names no touched ids): then it is asked again.
    for (let round = 0; ; round++) {
      const before = await stats();
      await levels();
      const after = await stats();
      if (after.emptied !== before.emptied && round < 5) continue;
      expect(after.hits).toBeGreaterThan(before.hits);
      break;
    }

    // Written straight to the store, as another replica would: the app now mitigates it.
    await api.store.write(batch([], [link('MITIGATES', app, defect)]), change);
    expect(await levels()).toMatchObject({ app: undefined, mitigated: [app] });
  });
});
