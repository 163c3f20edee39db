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
});
