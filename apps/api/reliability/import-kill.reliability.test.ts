import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphStore } from '@lineage/graph-store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runLineage } from './cli-process';
import { snapshot } from './snapshot';

// An HF-tree file of 30,000 edges (the real tree's size) written here, so the test needs no
// third-party data: one transaction large enough to kill half-way.
const EDGES = 30_000;

let store: GraphStore;
let scratch: string;
let treeFile: string;
beforeAll(async () => {
  store = await GraphStore.connect({ uri: inject('reliabilityNeo4jUri') });
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-import-kill-'));
  treeFile = path.join(scratch, 'edges.csv');
  await writeFile(treeFile, modelTree(EDGES));
});
afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

/** A tree in the HF model tree's format: each model derives from the one at a third its index. */
function modelTree(edges: number): string {
  const relations = ['finetuned', 'quantized', 'adapter'];
  const lines = ['source,target,edge'];
  for (let i = 1; i <= edges; i++) {
    lines.push(`killtest/model-${Math.floor(i / 3)},killtest/model-${i},${relations[i % 3]}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('an import killed half-way', () => {
  it('leaves the database exactly as it was (counts and graph hash)', async () => {
    const before = await snapshot(store);
    const run = runLineage(inject('reliabilityNeo4jUri'), [
      'import',
      treeFile,
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
