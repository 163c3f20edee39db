import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
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

describe('lineage import of hostile files', () => {
  it('refuses each with exit 1 and an error naming it, and writes nothing', async () => {
    const dir = path.join(scratch, 'hostile');
    await mkdir(path.join(dir, 'x.csv'), { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'edges.csv')]);
    await symlink('/etc/passwd', path.join(dir, 'passwd.csv'));
    const deep = '{"type":"machine-learning-model","name":"m","pedigree":{"ancestors":['.repeat(
      10_000,
    );
    await writeFile(
      path.join(dir, 'deep.json'),
      `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[${deep}${']}}'.repeat(10_000)}]}`,
    );
    await writeFile(path.join(dir, 'empty.yaml'), '# no assets yet\n');
    const cases: [string[], RegExp][] = [
      [[path.join(dir, 'x.csv')], /x\.csv: cannot tell its format \(an empty directory\)/],
      [[path.join(dir, 'x.csv'), '--format', 'cyclonedx'], /x\.csv: a directory, where a file/],
      [[path.join(dir, 'edges.csv')], /edges\.csv: not a regular file \(a FIFO/],
      [[path.join(dir, 'edges.csv'), '--format', 'hf-tree'], /edges\.csv: not a regular file/],
      [
        [path.join(dir, 'passwd.csv'), '--format', 'hf-tree'],
        /passwd\.csv: a symlink to \/etc\/passwd/,
      ],
      [[path.join(dir, 'deep.json')], /deep\.json: nested deeper than 200 levels/],
      [
        [path.join(dir, 'empty.yaml')],
        /empty\.yaml: no ecosystem-graphs records read; nothing imported/,
      ],
    ];
    const before = await source.store.graphHash();
    for (const [args, problem] of cases) {
      const result = await runLineage(source, ['import', ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(problem);
      expect(result.stderr).not.toMatch(/ZodError|RangeError|\n\s+at /);
    }
    expect(await source.store.graphHash()).toEqual(before);
  });

  it('imports a directory of Ecosystem Graphs assets as such, not as AVID', async () => {
    const assets = path.join(scratch, 'eg', 'assets');
    await mkdir(assets, { recursive: true });
    await writeFile(
      path.join(assets, 'hostile-lab.yaml'),
      '- type: model\n  name: Hostile Lab Model\n  organization: Hostile Lab\n  dependencies: []\n',
    );
    const result = await runLineage(source, ['import', path.dirname(assets), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'ecosystem-graphs', records: 1 });
  });
});
