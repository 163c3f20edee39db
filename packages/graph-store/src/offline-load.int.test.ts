import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from './graph-store';
import { offlineLoad, type OfflineLoadReport } from './offline-load';
import { loadFamily, readTestEnv, startOwnStore, type OwnStore } from './testing';

const change = { by: 'test', action: 'offline load', summary: 'generated' };
const items = () => loadFamily('offline', 3000);

let own: OwnStore;
let store: GraphStore;
let report: OfflineLoadReport;
const progress: string[] = [];
beforeAll(async () => {
  own = await startOwnStore({
    beforeStart: async (dataDir) => {
      report = await offlineLoad({
        dataDir,
        items,
        javaHome: readTestEnv().JAVA_HOME,
        onProgress: (line) => progress.push(line),
      });
    },
  });
  store = own.store;
  await store.recordOfflineLoad(change, report);
});
afterAll(async () => {
  await own?.stop();
});

describe('the offline load (neo4j-admin import) of trusted records', () => {
  it('stores what the checked write path stores: writing the same records changes nothing', async () => {
    const all = [...items()];
    const nodes = all.flatMap((item) => ('node' in item ? [item.node] : []));
    const relationships = all.flatMap((item) =>
      'relationship' in item ? [item.relationship] : [],
    );
    expect(report).toMatchObject({ nodes: nodes.length, relationships: relationships.length });
    expect(progress.some((line) => /IMPORT DONE/.test(line))).toBe(true);
    expect(await store.graphVersion()).toBe(1);

    const again = await store.write({ nodes, relationships }, change);
    expect(again.nodes.unchanged).toBe(nodes.length);
    expect(again.relationships.unchanged).toBe(relationships.length);
    expect(again.changed).toBe(false);
  });

  it('keeps types, quotes and lists as the write path would, rows without some columns included', async () => {
    const quoted = await store.getEntity('model:offline/m7');
    expect(quoted).toMatchObject({
      name: 'offline "7", tuned',
      aliases: ['offline-7', 'offline; 7'],
    });
    // The first fine-tune (m1) has no parameters, where later ones in its file do.
    expect(await store.getEntity('model:offline/m1')).not.toHaveProperty('parameters');
    const dated = await store.getEntity('model:offline/m10');
    expect(dated).toMatchObject({
      parameters: 7_000_000_010,
      releasedAt: '2023-11-01',
      aliases: [],
    });
  });

  it('is indexed once migrated: search and lookups by id answer', async () => {
    const hits = await store.search('offline app', { first: 5, offset: 0 });
    expect(hits.items.map((hit) => hit.entity.id)).toContain('deployment:offline/app');
  });
});
