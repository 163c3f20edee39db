import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphStore } from '@lineage/graph-store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runLineage } from './cli-process';
import { snapshot } from './snapshot';

// A person pressing Ctrl-C (or a supervisor's SIGTERM) during a chunked import: the CLI rolls
// it back itself, at once, and fails. Small chunks make a small file a chunked import.
const EDGES = 6_000;

let store: GraphStore;
let scratch: string;
let treeFile: string;
beforeAll(async () => {
  store = await GraphStore.connect({ uri: inject('reliabilityNeo4jUri') });
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-import-interrupt-'));
  treeFile = path.join(scratch, 'edges.csv');
  const lines = ['source,target,edge'];
  for (let i = 1; i <= EDGES; i++)
    lines.push(`sigtest/model-${Math.floor(i / 2)},sigtest/model-${i},finetuned`);
  await writeFile(treeFile, `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

describe.each(['SIGINT', 'SIGTERM'] as const)('a chunked import sent %s half-way', (signal) => {
  it('rolls itself back at once and exits non-zero', async () => {
    const before = await snapshot(store);
    const run = runLineage(
      inject('reliabilityNeo4jUri'),
      ['import', treeFile, '--format', 'hf-tree'],
      { LINEAGE_IMPORT_CHUNK_ROWS: '500' },
    );
    const first = await run.waitForLine(/^writing chunks: 1 of \d+$/);
    const total = Number(/of (\d+)$/.exec(first)![1]);
    await run.waitForLine(new RegExp(`^writing chunks: ${Math.ceil(total / 2)} of ${total}$`));
    run.child.kill(signal);
    const done = await run.done;
    expect(done.code).not.toBe(0);
    expect(done.stderr).toMatch(/rolling back import import-/);
    // No recovery ran: the CLI undid its own import (only its rolled_back record remains).
    expect(await snapshot(store)).toEqual({ ...before, allNodes: before.allNodes + 1 });
    expect((await store.write({ nodes: [], relationships: [] }, probe)).changed).toBe(false);
  });
});

const probe = { by: 'reliability', action: 'probe', summary: 'after an interrupted import' };
