import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from './connection';
import type { GraphStore } from './graph-store';
import { closureQuery, VIEW_HOP } from './lineage-store';
import { deleteRelationships } from './remove-store';
import { FETCH_RELATIONSHIPS } from './stored-reads';
import { batch, connectTestStore, link, node, testNamespace, testNeo4j } from './testing';

let store: GraphStore;
let connection: Connection;
beforeAll(async () => {
  store = await connectTestStore();
  connection = Connection.open(testNeo4j());
});
afterAll(async () => {
  await store.close();
  await connection.close();
});

describe('query plans', () => {
  // A plan that enumerates paths (VarLengthExpand(All)) explodes on merges; these must not.
  for (const direction of ['DOWNSTREAM', 'UPSTREAM'] as const) {
    it(`reads the ${direction.toLowerCase()} closure with a pruning breadth-first expansion`, async () => {
      const operators = await connection.explain(closureQuery(direction), { ids: ['x'] });
      expect(operators.some((op) => /VarLengthExpand\(Pruning/.test(op))).toBe(true);
      expect(
        operators.some((op) => /VarLengthExpand\(All\)|CartesianProduct|AllNodesScan/.test(op)),
      ).toBe(false);
    });
  }

  it('expands the graph view hop by hop from index seeks, never over all nodes', async () => {
    const operators = await connection.explain(VIEW_HOP('DOWNSTREAM', 'FINE_TUNED_FROM'), {
      frontier: ['x'],
      seen: ['x'],
      limit: 10,
    });
    expect(operators.some((op) => /NodeUniqueIndexSeek/.test(op))).toBe(true);
    expect(operators.some((op) => /CartesianProduct|AllNodesScan|NodeByLabelScan/.test(op))).toBe(
      false,
    );
  });
});

describe('relationship lookups by key', () => {
  // Planned once and cached: a plan made on a small store must not start from the far end
  // (an index scan for every row at a million nodes), with no replanning on each run either.
  const lookups = {
    'a write finding the relationships it changes': [FETCH_RELATIONSHIPS, { keys: [] }],
    'a removal of relationships': [deleteRelationships('FINE_TUNED_FROM'), { rows: [] }],
  } as const;
  for (const [name, [cypher, params]] of Object.entries(lookups)) {
    it(`${name} seeks its start by id and expands from there`, async () => {
      expect(cypher).not.toMatch(/replan/);
      const operators = await connection.explain(cypher, params);
      expect(operators.some((op) => /NodeUniqueIndexSeek|NodeIndexSeek/.test(op))).toBe(true);
      expect(operators.some((op) => /Expand/.test(op))).toBe(true);
      expect(
        operators.some((op) =>
          /NodeIndexScan|NodeByLabelScan|AllNodesScan|NodeHashJoin|CartesianProduct/.test(op),
        ),
      ).toBe(false);
    });
  }
});

/** base <- a, base <- b, m merges a and b, q quantizes m, app deploys q; other is unrelated. */
async function diamond() {
  const ns = testNamespace();
  const id = (slug: string) => ns.id('model', `org/${slug}`);
  const app = ns.id('deployment', 'acme/app');
  await store.write(
    batch(
      [
        node({ id: id('base'), kind: 'BaseModel', name: 'base' }),
        node({ id: id('a'), kind: 'FineTune', name: 'a' }),
        node({ id: id('b'), kind: 'FineTune', name: 'b' }),
        node({ id: id('m'), kind: 'Merge', name: 'm' }),
        node({ id: id('q'), kind: 'Quantization', name: 'q' }),
        node({ id: id('other'), kind: 'BaseModel', name: 'other' }),
        node({ id: app, kind: 'Deployment', name: 'app' }),
      ],
      [
        link('FINE_TUNED_FROM', id('a'), id('base')),
        link('FINE_TUNED_FROM', id('b'), id('base')),
        link('MERGED_FROM', id('m'), id('a')),
        link('MERGED_FROM', id('m'), id('b'), { declared: false }),
        link('QUANTIZED_FROM', id('q'), id('m')),
        link('DEPLOYS', app, id('q')),
      ],
    ),
    { by: 'test', action: 'test', summary: 'diamond' },
  );
  return { id, app };
}

describe('reading lineage', () => {
  it('fetches every descendant once, with the lineage edges among them', async () => {
    const { id, app } = await diamond();
    const closure = await store.fetchClosure([id('base')], 'DOWNSTREAM');
    expect(closure.nodes.map((n) => n.id).sort()).toEqual(
      [id('base'), id('a'), id('b'), id('m'), id('q'), app].sort(),
    );
    expect(closure.edges).toHaveLength(6);
    expect(closure.edges).toContainEqual({
      from: id('m'),
      to: id('b'),
      type: 'MERGED_FROM',
      declared: false,
    });
  });

  it('caps the closure at a depth and drops edges that leave it', async () => {
    const { id } = await diamond();
    const closure = await store.fetchClosure([id('base')], 'DOWNSTREAM', 2);
    expect(closure.nodes.map((n) => n.id).sort()).toEqual(
      [id('base'), id('a'), id('b'), id('m')].sort(),
    );
    expect(closure.edges).toHaveLength(4);
  });

  it('fetches ancestors upstream: a bill of materials', async () => {
    const { id, app } = await diamond();
    const closure = await store.fetchClosure([app], 'UPSTREAM');
    expect(closure.nodes).toHaveLength(6);
    expect(closure.nodes.map((n) => n.id)).not.toContain(id('other'));
  });

  it('finds a shortest chain in whichever direction exists, and none between strangers', async () => {
    const { id, app } = await diamond();
    const forward = await store.shortestChain(app, id('base'));
    expect(forward?.ids).toHaveLength(5);
    expect(forward?.relationships.map((r) => r.type)).toEqual([
      'DEPLOYS',
      'QUANTIZED_FROM',
      'MERGED_FROM',
      'FINE_TUNED_FROM',
    ]);
    expect((await store.shortestChain(id('base'), app))?.ids).toEqual(forward?.ids);
    expect(await store.shortestChain(id('other'), app)).toBeUndefined();
  });

  it('gives the view nearest first, and says when it was truncated', async () => {
    const { id } = await diamond();
    const view = await store.lineageView(id('m'), {
      directions: ['UPSTREAM', 'DOWNSTREAM'],
      depth: 5,
      maxNodes: 4,
    });
    expect(view.truncated).toBe(true);
    expect(view.nodes).toHaveLength(4);
    expect(view.nodes[0]).toEqual({ id: id('m'), distance: 0, direction: 'FOCUS' });
    expect(view.nodes.slice(1).every((n) => n.distance === 1)).toBe(true);
    const full = await store.lineageView(id('m'), {
      directions: ['UPSTREAM'],
      depth: 5,
      maxNodes: 50,
    });
    expect(full.truncated).toBe(false);
    expect(full.nodes.map((n) => n.id).sort()).toEqual(
      [id('m'), id('a'), id('b'), id('base')].sort(),
    );
    expect(full.edges).toHaveLength(4);
  });
});
