import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOwnStore, type OwnStore } from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLineage } from '../testing/run-lineage';

// Two Neo4j of this file's own: the graph hashes compared here are of the whole database.
let source: OwnStore;
let target: OwnStore;
let scratch: string;
beforeAll(async () => {
  [source, target] = await Promise.all([
    startOwnStore({ heap: '512m' }),
    startOwnStore({ heap: '512m' }),
  ]);
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-export-'));
  // A synthetic graph of the HF tree's shape, loaded through the CLI itself.
  const generated = path.join(scratch, 'generated.jsonl');
  expect((await runLineage(source, ['generate', '--nodes', '400', '--out', generated])).code).toBe(
    0,
  );
  const loaded = await runLineage(source, ['import', generated]);
  expect(loaded.code, loaded.stderr).toBe(0);
  await rm(generated);
});
afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('lineage export and import --format backup', () => {
  it('refuse a truncated backup, naming it, and restore a whole one to the same graph hash', async () => {
    const file = path.join(scratch, 'graph.jsonl');
    const exported = await runLineage(source, ['export', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(await readdir(scratch)).toEqual(['graph.jsonl']);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      trailer: { relationships: expect.any(Number) },
    });

    // Whole lines cut off the end: what an export that died half-way used to leave.
    const truncated = path.join(scratch, 'truncated.jsonl');
    await writeFile(truncated, `${lines.slice(0, Math.floor(lines.length / 2)).join('\n')}\n`);
    const empty = await target.store.graphHash();
    const refused = await runLineage(target, ['import', truncated, '--format', 'backup']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /truncated\.jsonl: does not end with a backup trailer: .*truncated/,
    );
    expect(await target.store.graphHash()).toEqual(empty);

    const restored = await runLineage(target, ['import', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await target.store.graphHash()).toEqual(await source.store.graphHash());
  });
});
