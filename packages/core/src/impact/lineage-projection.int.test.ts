import { isLineageRelation, LINEAGE_KINDS, lineageEdgesOf } from '@lineage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@lineage/graph-store';
import { ImpactService } from './impact-service';
import { batch, connectTestStore, link, node, testNamespace } from '@lineage/graph-store/testing';

// Two connections to the run's Neo4j: one holds the projection, one always fetches with Cypher.
let projected: GraphStore;
let cypherOnly: GraphStore;
beforeAll(async () => {
  projected = await connectTestStore();
  cypherOnly = await connectTestStore();
  projected.enableProjection((error) => {
    throw error;
  });
});
afterAll(async () => {
  await projected.close();
  await cypherOnly.close();
});

const change = { by: 'test', action: 'test', summary: 'projection test' };

/** base <- chat <- (quantized, merged) <- app, and a defect on the base. */
function family() {
  const ns = testNamespace();
  const ids = {
    base: ns.id('model', 'acme/base'),
    chat: ns.id('model', 'acme/chat'),
    quant: ns.id('model', 'acme/chat-gguf'),
    merge: ns.id('model', 'acme/merge'),
    app: ns.id('deployment', 'acme/app'),
    defect: ns.id('defect', 'FMD-1'),
  };
  const data = batch(
    [
      node({ id: ids.base, kind: 'BaseModel', name: 'Base' }),
      node({ id: ids.chat, kind: 'FineTune', name: 'Chat' }),
      node({ id: ids.quant, kind: 'Quantization', name: 'Chat GGUF' }),
      node({ id: ids.merge, kind: 'Merge', name: 'Merge' }),
      node({ id: ids.app, kind: 'Deployment', name: 'App' }),
      node({
        id: ids.defect,
        kind: 'Defect',
        name: 'Gap',
        category: 'SAFETY_GAP',
        severity: 'HIGH',
      }),
    ],
    [
      link('FINE_TUNED_FROM', ids.chat, ids.base),
      link('QUANTIZED_FROM', ids.quant, ids.chat),
      link('MERGED_FROM', ids.merge, ids.chat),
      link('DEPLOYS', ids.app, ids.quant, { declared: false }),
      link('AFFECTS', ids.defect, ids.base),
    ],
  );
  return { ns, ids, data };
}

async function impactRows(store: GraphStore, defectId: string) {
  const { view } = await new ImpactService(store).impactOfDefect(defectId);
  return { page: view.page({}, 0, 100).rows, totals: view.totals() };
}

/**
 * Other test files write to the same database meanwhile, so the projection may be stale when a
 * query runs: retry until one query is answered from it (the counter says which path ran).
 */
async function answeredByProjection(defectId: string) {
  for (let attempt = 0; attempt < 30; attempt++) {
    await projected.projection!.refresh();
    const servedBefore = projected.projection!.status().served;
    const rows = await impactRows(projected, defectId);
    if (projected.projection!.status().served > servedBefore) return rows;
  }
  throw new Error('the projection never answered: it is not rebuilt after writes');
}

/**
 * One impact query, if the projection answered it without falling back; undefined when it fell
 * back, which only a write without a usable delta (another file's) may cause: a rebuild runs.
 */
async function servedFromMemory(store: GraphStore, defectId: string) {
  const before = store.projection!.status();
  const rows = await impactRows(store, defectId);
  const after = store.projection!.status();
  if (after.fallbacks === before.fallbacks && after.served > before.served) return rows;
  expect(await writeWithoutDelta(before.version!, await cypherOnly.graphVersion())).toBe(true);
  return undefined;
}

/**
 * Whether a lineage write in (since, until] recorded no delta a projection can apply: one too
 * large, or one the graph-store tests forge (by: 'forged') to check that it is refused.
 */
async function writeWithoutDelta(since: number, until: number) {
  const changes = await cypherOnly.recentChanges(Math.min(until - since, 500), until + 1);
  return changes.some(
    (c) =>
      c.graphVersion > since &&
      c.lineageChanged !== false &&
      (c.lineageDeltaItems === undefined || c.lineageDeltaItems > 10_000 || c.by === 'forged'),
  );
}

/** `attempt` until it answers; between tries the rebuilds a fallback started are waited for. */
async function retried<T>(
  attempt: () => Promise<T | undefined>,
  stores: GraphStore[] = [projected],
): Promise<T> {
  for (let round = 0; round < 30; round++) {
    const answer = await attempt();
    if (answer !== undefined) return answer;
    await Promise.all(stores.map((store) => store.projection!.refresh()));
  }
  throw new Error('the projection never answered from memory');
}

/**
 * Lineage nodes and edges counted independently of the projection (by kind, and over every
 * relationship of the export), when the graph is still at `version` before and after.
 */
async function lineageCountsAt(version: number) {
  if ((await cypherOnly.graphVersion()) !== version) return undefined;
  const byKind = await cypherOnly.countByKind();
  const nodes = LINEAGE_KINDS.reduce((sum, kind) => sum + (byKind[kind] ?? 0), 0);
  let edges = 0;
  for await (const relationship of cypherOnly.exportRelationships())
    if (isLineageRelation(relationship.type)) edges++;
  if ((await cypherOnly.graphVersion()) !== version) return undefined;
  return { nodes, edges };
}

describe('the lineage projection', () => {
  it('answers impact queries exactly as Cypher does', async () => {
    const { ids, data } = family();
    await projected.write(data, change);
    const fromProjection = await answeredByProjection(ids.defect);
    const fromCypher = await impactRows(cypherOnly, ids.defect);
    expect(fromProjection).toEqual(fromCypher);
    expect(fromProjection.page.map((row) => row.id)).toEqual([
      ids.base,
      ids.chat,
      ids.quant, // a quantization carries a safety gap for certain, a merge only likely
      ids.merge,
      ids.app,
    ]);
    expect(fromProjection.page.at(-1)?.path).toEqual([ids.base, ids.chat, ids.quant, ids.app]);
  });

  it("applies a write's delta: the very next impact sees the new child, from memory", async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const { ns, ids, data } = family();
      await projected.write(data, change);
      await answeredByProjection(ids.defect);
      const child = ns.id('model', 'acme/chat-adapter');
      await projected.write(
        batch(
          [node({ id: child, kind: 'Adapter', name: 'Adapter' })],
          [link('ADAPTER_OF', child, ids.chat)],
        ),
        change,
      );
      const rows = await servedFromMemory(projected, ids.defect);
      if (!rows) continue;
      expect(rows.page.map((row) => row.id)).toContain(child);
      expect(rows).toEqual(await impactRows(cypherOnly, ids.defect));
      return;
    }
    throw new Error('an impact after a lineage write was never answered from memory');
  });

  it('applies removals and ended edges: the next impact no longer crosses them', async () => {
    const { ids, data } = family();
    await projected.write(data, change);
    await answeredByProjection(ids.defect);
    const reached = async () => {
      const rows = await retried(() => servedFromMemory(projected, ids.defect));
      expect(rows).toEqual(await impactRows(cypherOnly, ids.defect));
      return rows.page.map((row) => row.id);
    };

    await projected.removeRelationships(
      [{ type: 'MERGED_FROM', from: ids.merge, to: ids.chat }],
      change,
    );
    expect(await reached()).toEqual([ids.base, ids.chat, ids.quant, ids.app]);
    // Ended last year: today's impact no longer crosses it, nor what lies past it.
    await projected.write(
      batch([], [link('QUANTIZED_FROM', ids.quant, ids.chat, { validTo: '2025-01-01' })]),
      change,
    );
    expect(await reached()).toEqual([ids.base, ids.chat]);
    await projected.removeNodes([ids.chat], change);
    expect(await reached()).toEqual([ids.base]);
  });

  it("converges with another process's projection: writes through either, one answer", async () => {
    const replica = await connectTestStore();
    replica.enableProjection((error) => {
      throw error;
    });
    try {
      const { ns, ids, data } = family();
      await projected.write(data, change);
      await Promise.all([projected.projection!.refresh(), replica.projection!.refresh()]);
      const child = ns.id('model', 'acme/replica-adapter');
      await replica.write(
        batch(
          [node({ id: child, kind: 'Adapter', name: 'Adapter' })],
          [link('ADAPTER_OF', child, ids.quant)],
        ),
        change,
      );
      await projected.removeRelationships(
        [{ type: 'MERGED_FROM', from: ids.merge, to: ids.chat }],
        change,
      );
      // Each catches up on both writes from their deltas, unless another file's write without
      // one fell in between.
      const answers = await retried(async () => {
        const held = [projected, replica].map((store) => store.projection!.status().version!);
        const version = await cypherOnly.graphVersion();
        const graphs = [
          await projected.projection!.at(version),
          await replica.projection!.at(version),
        ];
        if (!graphs[0] || !graphs[1]) {
          expect(await writeWithoutDelta(Math.min(...held), version)).toBe(true);
          return undefined;
        }
        expect(projected.projection!.status().version).toBe(version);
        expect(replica.projection!.status().version).toBe(version);
        return graphs.map((graph) =>
          lineageEdgesOf(graph!).filter((edge) => edge.from.includes(ns.token)),
        );
      }, [projected, replica]);
      expect(answers[0]).toEqual(answers[1]);
      expect(answers[0]!.map((edge) => edge.from)).toContain(child);
      expect(answers[0]!.map((edge) => edge.from)).not.toContain(ids.merge);
      const [mine, theirs] = await Promise.all([
        retried(() => servedFromMemory(projected, ids.defect)),
        retried(() => servedFromMemory(replica, ids.defect), [replica]),
      ]);
      expect(mine).toEqual(theirs);
      expect(mine.page.map((row) => row.id)).toContain(child);
    } finally {
      await replica.close();
    }
  });

  it('keeps answering after writes that leave the lineage as it was', async () => {
    const { ns, ids, data } = family();
    await projected.write(data, change);
    // Other test files write lineage meanwhile: retry until no such write falls in between.
    for (let attempt = 0; attempt < 30; attempt++) {
      await answeredByProjection(ids.defect);
      const servedBefore = projected.projection!.status().served;
      const second = ns.id('defect', `FMD-${attempt + 2}`);
      await projected.write(
        batch(
          [
            node({ id: ids.chat, kind: 'FineTune', name: 'Chat', license: `v${attempt}` }),
            node({
              id: second,
              kind: 'Defect',
              name: 'Leak',
              category: 'LICENSE',
              severity: 'LOW',
            }),
          ],
          [link('AFFECTS', second, ids.chat)],
        ),
        change,
      );
      const rows = await impactRows(projected, second);
      if (projected.projection!.status().served === servedBefore) continue;
      expect(rows).toEqual(await impactRows(cypherOnly, second));
      expect(rows.page.map((row) => row.id)).toContain(ids.app);
      return;
    }
    throw new Error('a write that left the lineage alone made the projection stale every time');
  });

  it('reports its version, size and build time', async () => {
    await projected.write(family().data, change);
    // Other files write meanwhile: compare with counts read at the very version it holds.
    for (let attempt = 0; attempt < 30; attempt++) {
      await projected.projection!.refresh();
      const status = projected.projection!.status();
      const counted = await lineageCountsAt(status.version!);
      if (!counted) continue;
      expect(status.nodes).toBe(counted.nodes);
      expect(status.edges).toBe(counted.edges);
      expect(status.buildMs).toBeGreaterThan(0);
      return;
    }
    throw new Error('the graph never held still at the projection version');
  });
});
