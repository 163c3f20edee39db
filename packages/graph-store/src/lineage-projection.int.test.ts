import { lineageEdgesOf, nodeIndex, type LineageGraph } from '@lineage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from './connection';
import type { GraphStore } from './graph-store';
import { LINEAGE_DELTA_CAP, type LineageChange } from './lineage-delta-record';
import { ChangeFeed } from './change-feed';
import { deltasBetween } from './lineage-deltas';
import { LineageProjection } from './lineage-projection';
import { batch, connectTestStore, link, node, testNamespace, testNeo4j } from './testing';
import { changeRecord, LOCK_META, RECORD_CHANGE } from './write-store';

// The projection reads over a connection of its own; writes go through a store, as the API's do.
let connection: Connection;
let store: GraphStore;
beforeAll(async () => {
  connection = Connection.open(testNeo4j());
  store = await connectTestStore();
});
afterAll(async () => {
  await connection.close();
  await store.close();
});

const change = { by: 'test', action: 'test', summary: 'projection deltas' };

/** The lineage edges among a namespace's nodes, as "child type parent validTo". */
function edgesIn(graph: LineageGraph, token: string) {
  return lineageEdgesOf(graph)
    .filter((edge) => edge.from.includes(token))
    .map((edge) => `${edge.from} ${edge.type} ${edge.to} ${edge.validTo ?? '-'}`)
    .sort();
}

/** A Change as a writer would record it, with the delta given (or none: an older writer). */
async function recordChange(
  lineage: LineageChange | undefined,
  cypher?: { text: string; params: Record<string, unknown> },
) {
  return connection.inWriteTransaction(async (tx) => {
    await tx.run(LOCK_META);
    if (cypher) await tx.run(cypher.text, cypher.params);
    // `forged`: other files' projection tests see why their projection fell back.
    const forged = { ...change, by: 'forged' };
    const result = await tx.run(RECORD_CHANGE, changeRecord(forged, {}, true, lineage));
    return result.records[0]!.get('graphVersion') as number;
  });
}

/** A projection built now, holding `baseId` (written first). */
async function builtProjection(baseId: string) {
  await store.write(batch([node({ id: baseId, kind: 'BaseModel', name: 'Base' })]), change);
  const projection = new LineageProjection(connection);
  await projection.refresh();
  return projection;
}

describe('the projection over writes without a usable delta', () => {
  it('falls back at a write an older writer recorded without a delta, then rebuilds', async () => {
    const ns = testNamespace();
    const projection = await builtProjection(ns.id('model', 'acme/base'));
    const added = ns.id('model', 'acme/added-the-old-way');
    const version = await recordChange(undefined, {
      text: `CREATE (n:Entity:Model:FineTune {id: $id, kind: 'FineTune', name: 'Old'})`,
      params: { id: added },
    });
    expect(await projection.at(version)).toBeUndefined();
    expect(projection.status()).toMatchObject({ fallbacks: 1, deltasMissing: 1 });
    await projection.refresh();
    const graph = await projection.at(version);
    expect(graph && nodeIndex(graph, added)).toBeGreaterThanOrEqual(0);
    expect(projection.status().rebuilds).toBe(2);
  });

  it('falls back at a write too large to record its delta, then rebuilds', async () => {
    const ns = testNamespace();
    const projection = await builtProjection(ns.id('model', 'acme/base'));
    const datasets = Array.from({ length: LINEAGE_DELTA_CAP + 1 }, (_, i) =>
      node({ id: ns.id('dataset', `acme/d${i}`), kind: 'Dataset', name: `D${i}` }),
    );
    const { graphVersion } = await store.write(batch(datasets), change);
    const [recorded] = await store.recentChanges(1, graphVersion + 1);
    expect(recorded).toMatchObject({ graphVersion, lineageDeltaItems: LINEAGE_DELTA_CAP + 1 });
    expect(await projection.at(graphVersion)).toBeUndefined();
    await projection.refresh();
    const graph = await projection.at(graphVersion);
    expect(graph && nodeIndex(graph, datasets.at(-1)!.id)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a delta whose edge names a node it does not hold, and rebuilds', async () => {
    const ns = testNamespace();
    const base = ns.id('model', 'acme/base');
    const projection = await builtProjection(base);
    const nowhere = ns.id('model', 'acme/never-written');
    const version = await recordChange({
      nodes: [],
      edges: [{ from: nowhere, to: base, type: 'FINE_TUNED_FROM', declared: true }],
      removedNodes: [],
      removedEdges: [],
    });
    expect(await projection.at(version)).toBeUndefined();
    expect(projection.status().deltasMissing).toBe(1);
    await projection.refresh();
    const graph = await projection.at(version);
    expect(graph && nodeIndex(graph, nowhere)).toBe(-1);
  });
});

describe('the projection over writes with deltas', () => {
  it('catches up once for concurrent queries, applying each delta once', async () => {
    const ns = testNamespace();
    const base = ns.id('model', 'acme/base');
    const projection = await builtProjection(base);
    const held = projection.status().version!;
    const children = ['one', 'two', 'three'].map((slug) => ns.id('model', `acme/${slug}`));
    for (const child of children)
      await store.write(
        batch(
          [node({ id: child, kind: 'FineTune', name: child })],
          [link('FINE_TUNED_FROM', child, base)],
        ),
        change,
      );
    const version = await store.graphVersion();
    const graphs = await Promise.all(Array.from({ length: 5 }, () => projection.at(version)));
    const found = await deltasBetween(ChangeFeed.of(connection), held, version);
    if ('missing' in found) return; // another file wrote without a delta: nothing to count
    expect(projection.status()).toMatchObject({
      version,
      served: 5,
      fallbacks: 0,
      deltasApplied: found.deltas.length,
    });
    expect(new Set(graphs).size).toBe(1);
    expect(edgesIn(graphs[0]!, ns.token)).toEqual(
      children.map((child) => `${child} FINE_TUNED_FROM ${base} -`).sort(),
    );
  });
});

/** A projection whose first scan has writes land just before and just after it reads. */
class ScanOverlappedByWrites extends LineageProjection {
  scans = 0;
  constructor(
    private readonly before: () => Promise<unknown>,
    private readonly after: () => Promise<unknown>,
  ) {
    super(connection);
  }

  protected override async readLineage() {
    if (this.scans++ > 0) return super.readLineage();
    await this.before();
    const scan = await super.readLineage();
    await this.after();
    return scan;
  }
}

describe('a rebuild overlapped by writes', () => {
  it('keeps its scan and brings it to the last version with their deltas', async () => {
    const ns = testNamespace();
    const [base, chat, adapter, quant] = ['base', 'chat', 'adapter', 'quant'].map((slug) =>
      ns.id('model', `acme/${slug}`),
    ) as [string, string, string, string];
    await store.write(
      batch(
        [
          node({ id: base, kind: 'BaseModel', name: 'Base' }),
          node({ id: chat, kind: 'FineTune', name: 'Chat' }),
        ],
        [link('FINE_TUNED_FROM', chat, base)],
      ),
      change,
    );
    let lastVersion = 0;
    const projection = new ScanOverlappedByWrites(
      // Seen by the scan, after the version it started at: an adapter, and chat unlinked.
      async () => {
        await store.write(
          batch(
            [node({ id: adapter, kind: 'Adapter', name: 'Adapter' })],
            [link('ADAPTER_OF', adapter, base)],
          ),
          change,
        );
        await store.removeRelationships(
          [{ type: 'FINE_TUNED_FROM', from: chat, to: base }],
          change,
        );
      },
      // Missed by the scan: a quantization, and the adapter's edge ended.
      async () => {
        await store.write(
          batch(
            [node({ id: quant, kind: 'Quantization', name: 'Quant' })],
            [
              link('QUANTIZED_FROM', quant, chat),
              link('ADAPTER_OF', adapter, base, { validTo: '2025-01-01' }),
            ],
          ),
          change,
        );
        lastVersion = await store.graphVersion();
      },
    );
    await projection.refresh();
    expect(projection.scans).toBe(1);
    const graph = await projection.at(lastVersion);
    expect(projection.status()).toMatchObject({ served: 1, fallbacks: 0, rebuilds: 1 });
    expect(edgesIn(graph!, ns.token)).toEqual([
      `${adapter} ADAPTER_OF ${base} 2025-01-01`,
      `${quant} QUANTIZED_FROM ${chat} -`,
    ]);
  });
});

describe('compaction', () => {
  it('folds applied deltas back into plain arrays and answers the same after', async () => {
    const ns = testNamespace();
    const base = ns.id('model', 'acme/base');
    await store.write(batch([node({ id: base, kind: 'BaseModel', name: 'Base' })]), change);
    // Any replaced row is past the share: every catch-up that applies a delta compacts.
    const projection = new LineageProjection(connection, { compactAtShare: 0 });
    await projection.refresh();
    const child = ns.id('model', 'acme/child');
    await store.write(
      batch(
        [node({ id: child, kind: 'FineTune', name: 'Child' })],
        [link('FINE_TUNED_FROM', child, base)],
      ),
      change,
    );
    const version = await store.graphVersion();
    const applied = await projection.at(version);
    if (projection.status().deltasApplied === 0) return; // another file wrote without a delta
    expect(applied?.overlay).toBeDefined();
    await new Promise((resolve) => setImmediate(resolve));
    const compacted = await projection.at(version);
    expect(projection.status().compactions).toBe(1);
    expect(compacted).not.toBe(applied);
    expect(compacted?.overlay).toBeUndefined();
    expect(edgesIn(compacted!, ns.token)).toEqual(edgesIn(applied!, ns.token));
    expect(edgesIn(compacted!, ns.token)).toEqual([`${child} FINE_TUNED_FROM ${base} -`]);
  });
});
