import { GraphStore } from '@lineage/graph-store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runLineage } from './cli-process';
import { snapshot } from './snapshot';

// The Hugging Face model tree: 30,383 edges, one transaction large enough to kill half-way.
const HF_TREE = '/work/shared/data/hf-model-tree/edges.csv';

let store: GraphStore;
beforeAll(async () => {
  store = await GraphStore.connect({ uri: inject('reliabilityNeo4jUri') });
});
afterAll(async () => {
  await store.close();
});

describe('an import killed half-way', () => {
  it('leaves the database exactly as it was (counts and graph hash)', async () => {
    const before = await snapshot(store);
    const run = runLineage(inject('reliabilityNeo4jUri'), [
      'import',
      HF_TREE,
      '--format',
      'hf-tree',
    ]);
    // Printed once the transaction has written its first rows: the kill lands mid-write.
    await run.waitForLine(/^writing rows: \d+ to go/);
    run.child.kill('SIGKILL');
    const { signal } = await run.done;
    expect(signal).toBe('SIGKILL');

    expect(await snapshot(store)).toEqual(before);
    // Neo4j rolled the transaction back and released the graph's write lock: writes go on.
    const report = await store.write(
      { nodes: [], relationships: [] },
      { by: 'reliability', action: 'probe', summary: 'after a killed import' },
    );
    expect(report.changed).toBe(false);
    expect(await snapshot(store)).toEqual(before);
  });
});
