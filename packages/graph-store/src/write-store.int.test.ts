import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '@lineage/domain';
import type { GraphStore } from './graph-store';
import { Connection } from './connection';
import { batch, connectTestStore, link, node, testNamespace, testNeo4j } from './testing';

let store: GraphStore;
beforeAll(async () => {
  store = await connectTestStore();
});
afterAll(async () => {
  await store.close();
});

const change = { by: 'test', action: 'test', summary: 'write-store test' };

async function errorCode(work: Promise<unknown>): Promise<ErrorCode | string> {
  try {
    await work;
    return 'no error';
  } catch (error) {
    return error instanceof DomainError ? error.code : `not a domain error: ${String(error)}`;
  }
}

/** A small supply chain of every kind, in a namespace of the test's own. */
function supplyChain() {
  const ns = testNamespace();
  const ids = {
    meta: ns.id('provider', 'meta'),
    base: ns.id('model', 'meta/base'),
    chat: ns.id('model', 'meta/chat'),
    gguf: ns.id('model', 'bloke/chat-gguf'),
    data: ns.id('dataset', 'owner/sharegpt'),
    app: ns.id('deployment', 'acme/assistant'),
    defect: ns.id('defect', 'FMD-1'),
  };
  const source = { sources: ['https://example.org/source'] };
  const nodes = [
    node({ id: ids.meta, kind: 'Provider', name: 'Meta', ...source }),
    node({ id: ids.base, kind: 'BaseModel', name: 'Base', parameters: 7_000_000_000, ...source }),
    node({ id: ids.chat, kind: 'FineTune', name: 'Chat', releasedAt: '2023-07-18', ...source }),
    node({ id: ids.gguf, kind: 'Quantization', name: 'Chat GGUF', aliases: ['chat-q4'] }),
    node({ id: ids.data, kind: 'Dataset', name: 'ShareGPT', ...source }),
    node({ id: ids.app, kind: 'Deployment', name: 'Assistant', monthlyActiveUsers: 1000 }),
    node({
      id: ids.defect,
      kind: 'Defect',
      name: 'Jailbreak',
      category: 'JAILBREAK',
      severity: 'HIGH',
      transmission: { DISTILLED_FROM: 'CERTAIN' },
      ...source,
    }),
  ];
  const relationships = [
    link('DEVELOPED_BY', ids.base, ids.meta),
    link('FINE_TUNED_FROM', ids.chat, ids.base, source),
    link('TRAINED_ON', ids.chat, ids.data),
    link('QUANTIZED_FROM', ids.gguf, ids.chat, { declared: false }),
    link('DEPLOYS', ids.app, ids.gguf),
    link('AFFECTS', ids.defect, ids.chat),
  ];
  return { ns, ids, data: batch(nodes, relationships) };
}

describe('writing a batch', () => {
  it('creates every node and relationship, then changes nothing on a second run', async () => {
    const { ns, ids, data } = supplyChain();
    const first = await store.write(data, change);
    expect(first.nodes).toEqual({ created: 7, updated: 0, unchanged: 0 });
    expect(first.relationships).toEqual({ created: 6, updated: 0, unchanged: 0 });
    expect(first.changed).toBe(true);
    const hashBefore = await store.graphHash({ idsContaining: ns.token });
    const chatBefore = await store.getEntity(ids.chat);

    const second = await store.write(data, change);
    expect(second.nodes).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect(second.relationships).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(second.changed).toBe(false);
    const hashAfter = await store.graphHash({ idsContaining: ns.token });
    expect(hashAfter).toEqual(hashBefore);
    expect(hashAfter).toMatchObject({ nodes: 7, relationships: 6 });
    expect((await store.getEntity(ids.chat))?.updatedAt).toBe(chatBefore?.updatedAt);
  });

  it('stores values with their types and reads them back as given', async () => {
    const { ids, data } = supplyChain();
    await store.write(data, change);
    expect(await store.getEntity(ids.base)).toMatchObject({
      kind: 'BaseModel',
      parameters: 7_000_000_000,
      sources: ['https://example.org/source'],
    });
    expect(await store.getEntity(ids.chat)).toMatchObject({ releasedAt: '2023-07-18' });
    expect(await store.getEntity(ids.defect)).toMatchObject({
      status: 'OPEN',
      transmission: { DISTILLED_FROM: 'CERTAIN' },
    });
  });

  it('adds to what is known: lists are unioned, given fields replaced, others kept', async () => {
    const { ns, ids, data } = supplyChain();
    await store.write(data, change);
    const hashBefore = await store.graphHash({ idsContaining: ns.token });
    const update = node({
      id: ids.gguf,
      kind: 'Quantization',
      name: 'Chat GGUF',
      aliases: ['chat-q5'],
      license: 'llama2',
    });
    const report = await store.write(batch([update]), change);
    expect(report.nodes).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await store.getEntity(ids.gguf)).toMatchObject({
      aliases: ['chat-q4', 'chat-q5'],
      license: 'llama2',
    });
    expect((await store.graphHash({ idsContaining: ns.token })).hash).not.toBe(hashBefore.hash);
  });

  it('moves the graph version once per changing write and records who changed what', async () => {
    const { data } = supplyChain();
    const before = await store.graphVersion();
    const report = await store.write(data, { by: 'alice', action: 'import', summary: 'seven' });
    expect(report.graphVersion).toBeGreaterThan(before);
    const changes = await store.recentChanges(200);
    expect(changes.find((c) => c.graphVersion === report.graphVersion)).toMatchObject({
      by: 'alice',
      action: 'import',
      summary: 'seven',
      nodesCreated: 7,
      relationshipsCreated: 6,
    });
  });

  it('finds a node by name or alias, ignoring case', async () => {
    const { ids, data } = supplyChain();
    await store.write(data, change);
    const byAlias = await store.findByName('CHAT-Q4', 500);
    expect(byAlias.map((entity) => entity.id)).toContain(ids.gguf);
    const byName = await store.findByName('chat gguf', 500);
    expect(byName.map((entity) => entity.id)).toContain(ids.gguf);
  });
});

describe('the audit trail', () => {
  it('says which writes changed the lineage, for the projection to know', async () => {
    const { ids, data } = supplyChain();
    const lineageChangedBy = async (write: Promise<{ graphVersion: number }>) => {
      const { graphVersion } = await write;
      const changes = await store.recentChanges(500);
      return changes.find((c) => c.graphVersion === graphVersion)?.lineageChanged;
    };
    expect(await lineageChangedBy(store.write(data, change))).toBe(true);
    const chat = data.nodes.find((n) => n.id === ids.chat)!;
    const licensed = node({ ...chat, license: 'MIT' } as Parameters<typeof node>[0]);
    expect(await lineageChangedBy(store.write(batch([licensed]), change))).toBe(false);
    const declared = link('QUANTIZED_FROM', ids.gguf, ids.chat, { declared: true });
    expect(await lineageChangedBy(store.write(batch([], [declared]), change))).toBe(true);
    const reclassified = node({ ...licensed, kind: 'Distillation' } as Parameters<typeof node>[0]);
    expect(await lineageChangedBy(store.write(batch([reclassified]), change))).toBe(true);
    // The projection holds dates too: a retirement changes the lineage as of later days.
    const retired = node({ ...reclassified, retiredAt: '2026-01-01' } as Parameters<
      typeof node
    >[0]);
    expect(await lineageChangedBy(store.write(batch([retired]), change))).toBe(true);
    const unlinkDefect = store.removeRelationships(
      [{ type: 'AFFECTS', from: ids.defect, to: ids.chat }],
      change,
    );
    expect(await lineageChangedBy(unlinkDefect)).toBe(false);
  });
});

describe('removing nodes', () => {
  it('removes nodes with their relationships, and records the change', async () => {
    const { ns, ids, data } = supplyChain();
    await store.write(data, change);
    const version = await store.graphVersion();
    const report = await store.removeNodes([ids.gguf, ids.app], change);
    expect(report).toMatchObject({ removed: 2, relationshipsRemoved: 2 });
    expect(report.graphVersion).toBeGreaterThan(version);
    expect(await store.getEntity(ids.gguf)).toBeUndefined();
    const outgoing = await store.outgoingOf([ids.chat]);
    expect(JSON.stringify([...outgoing])).not.toContain(ids.gguf);
    const [latest] = await store.recentChanges(1, report.graphVersion + 1);
    expect(latest).toMatchObject({ nodesRemoved: 2, relationshipsRemoved: 2 });
    expect((await store.graphHash({ idsContaining: ns.token })).nodes).toBe(5);
  });

  it('removes nothing when one of the nodes does not exist', async () => {
    const { ns, ids, data } = supplyChain();
    await store.write(data, change);
    const before = await store.graphHash({ idsContaining: ns.token });
    const error = await store
      .removeNodes([ids.chat, ns.id('model', 'nobody/nothing')], change)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect((error as Error).message).toContain('nobody/nothing');
    expect(await store.graphHash({ idsContaining: ns.token })).toEqual(before);
  });
});

describe('refusing bad writes, leaving the database as it was', () => {
  it('refuses a lineage relationship that closes a cycle, and names the cycle', async () => {
    const { ns, ids, data } = supplyChain();
    await store.write(data, change);
    const hashBefore = await store.graphHash({ idsContaining: ns.token });
    const closing = batch([], [link('DISTILLED_FROM', ids.base, ids.gguf)]);
    const error = await store.write(closing, change).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CYCLE');
    expect((error as DomainError).details.cycle).toEqual([ids.base, ids.gguf, ids.chat, ids.base]);
    expect((error as DomainError).message).toContain(`${ids.base} -> ${ids.gguf}`);
    expect(await store.graphHash({ idsContaining: ns.token })).toEqual(hashBefore);
  });

  it('refuses a cycle made entirely inside one batch, writing none of it', async () => {
    const ns = testNamespace();
    const a = node({ id: ns.id('model', 'x/a'), kind: 'BaseModel', name: 'a' });
    const b = node({ id: ns.id('model', 'x/b'), kind: 'FineTune', name: 'b' });
    const c = node({ id: ns.id('model', 'x/c'), kind: 'FineTune', name: 'c' });
    const cyclic = batch(
      [a, b, c],
      [
        link('FINE_TUNED_FROM', b.id, a.id),
        link('FINE_TUNED_FROM', c.id, b.id),
        link('MERGED_FROM', a.id, c.id),
      ],
    );
    expect(await errorCode(store.write(cyclic, change))).toBe('CYCLE');
    expect(await store.graphHash({ idsContaining: ns.token })).toMatchObject({ nodes: 0 });
  });

  it('does not count AFFECTS, MITIGATES or provider links as lineage cycles', async () => {
    const { ns, ids, data } = supplyChain();
    await store.write(data, change);
    const other = node({ id: ns.id('model', 'x/other'), kind: 'FineTune', name: 'other' });
    // other -> chat (lineage), defect -> other (AFFECTS), chat -> defect (MITIGATES): a loop,
    // but not a lineage cycle.
    const loop = batch(
      [other],
      [
        link('FINE_TUNED_FROM', other.id, ids.chat),
        link('AFFECTS', ids.defect, other.id),
        link('MITIGATES', ids.gguf, ids.defect, { evidence: 'patched' }),
      ],
    );
    expect((await store.write(loop, change)).relationships.created).toBe(3);
  });

  it('refuses a relationship to a node that does not exist', async () => {
    const { ns, data } = supplyChain();
    await store.write(data, change);
    const hashBefore = await store.graphHash({ idsContaining: ns.token });
    const dangling = batch(
      [node({ id: ns.id('model', 'x/new'), kind: 'FineTune', name: 'new' })],
      [link('FINE_TUNED_FROM', ns.id('model', 'x/new'), ns.id('model', 'x/missing'))],
    );
    expect(await errorCode(store.write(dangling, change))).toBe('NOT_FOUND');
    expect(await store.graphHash({ idsContaining: ns.token })).toEqual(hashBefore);
  });

  it('refuses a relationship between kinds its type does not join', async () => {
    const { ids, data } = supplyChain();
    const wrong = batch(data.nodes, [...data.relationships, link('DEPLOYS', ids.app, ids.data)]);
    expect(await errorCode(store.write(wrong, change))).toBe('VALIDATION');
    expect(await store.getEntity(ids.app)).toBeUndefined();
  });

  it('re-classifies a model, moving its kind label, when a write says what it really is', async () => {
    const { ids, data } = supplyChain();
    await store.write(data, change);
    const retyped = node({ id: ids.gguf, kind: 'Adapter', name: 'Chat GGUF' });
    expect((await store.write(batch([retyped]), change)).nodes.updated).toBe(1);
    expect((await store.getEntity(ids.gguf))?.kind).toBe('Adapter');
    const connection = Connection.open(testNeo4j());
    try {
      const [row] = await connection.read<{ labels: string[] }>(
        'MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels',
        { id: ids.gguf },
      );
      expect([...row!.labels].sort()).toEqual(['Adapter', 'Entity', 'Model']);
    } finally {
      await connection.close();
    }
  });

  it('refuses an origin mitigating its own defect', async () => {
    const { ns, ids, data } = supplyChain();
    await store.write(data, change);
    const hashBefore = await store.graphHash({ idsContaining: ns.token });
    const selfMitigation = batch([], [link('MITIGATES', ids.chat, ids.defect)]);
    expect(await errorCode(store.write(selfMitigation, change))).toBe('VALIDATION');
    expect(await store.graphHash({ idsContaining: ns.token })).toEqual(hashBefore);
  });
});
