import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GraphStore } from '@lineage/graph-store';
import {
  batch,
  connectTestStore,
  node,
  testNamespace,
  testNeo4j,
} from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLineage } from '../testing/run-lineage';

let store: GraphStore;
let scratch: string;
beforeAll(async () => {
  store = await connectTestStore();
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-review-cli-'));
});
afterAll(async () => {
  await store?.close();
  await rm(scratch, { recursive: true, force: true });
});

const lineage = (...args: string[]) => runLineage(testNeo4j(), args);

interface PlanJson {
  format: string;
  counts: { records: number; unresolved: number };
  matches: { name: string; resolution: { outcome: string } }[];
  proposals: { name: string; owner: string; candidates: string[] }[];
}

/**
 * An Ecosystem Graphs file whose model depends on a name only an upload carries (imported,
 * under an owner nobody confirms), in a namespace of this test's own.
 */
async function bareNameSource() {
  const ns = testNamespace();
  const word = ns.token.replace(/\W/g, '');
  const upload = ns.id('model', 'uploader/Zyphon');
  const dependency = `Zyphon ${word}`;
  await store.write(
    batch([node({ id: upload, kind: 'FineTune', name: dependency, origin: 'import' })]),
    { by: 'test', action: 'test', summary: `review cli ${ns.token}` },
  );
  const dir = path.join(scratch, word);
  await mkdir(dir);
  const file = path.join(dir, 'probe.yaml');
  await writeFile(
    file,
    [
      `- name: Probe Model ${word}`,
      `  organization: Probe Org ${word}`,
      '  type: model',
      '  access: open',
      '  created_date: 2025-01-01',
      `  dependencies: [${dependency}]`,
      '  url: https://example.org/probe',
      '',
    ].join('\n'),
  );
  const edgesToUpload = async () => {
    const found: { from: string; matchedBy?: string }[] = [];
    for await (const r of store.exportRelationships())
      if (r.to === upload) found.push({ from: r.from, matchedBy: r.matchedBy });
    return found;
  };
  return { ns, upload, dependency, dir, file, edgesToUpload };
}

describe('lineage review', () => {
  it('plans an import without writing, then a reviewed name joins on the real import', async () => {
    const source = await bareNameSource();
    const planPath = path.join(source.dir, 'plan.json');
    const hash = await store.graphHash({ idsContaining: source.ns.token });
    const version = await store.graphVersion();

    const planned = await lineage(
      'import',
      '--format',
      'ecosystem-graphs',
      '--plan',
      planPath,
      source.file,
    );
    expect(planned.stderr).toContain('nothing is written');
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/to review\s+\d+ proposal/);
    expect(await store.graphHash({ idsContaining: source.ns.token })).toEqual(hash);
    expect(await store.graphVersion()).toBe(version);
    // Whole, and no temporary file left beside it.
    expect(await readdir(source.dir)).toEqual(['plan.json', 'probe.yaml']);
    const plan = JSON.parse(await readFile(planPath, 'utf8')) as PlanJson;
    expect(plan.format).toBe('ecosystem-graphs');
    expect(plan.matches.find((m) => m.name === source.dependency)?.resolution.outcome).toBe(
      'unresolved',
    );
    const proposal = plan.proposals.find((p) => p.name === source.dependency);
    expect(proposal?.candidates).toEqual([source.upload]);

    const listed = await lineage('review', 'list', '--plan', planPath, '--json');
    expect(listed.code).toBe(0);
    const names = (stdout: string) => (JSON.parse(stdout) as { name: string }[]).map((p) => p.name);
    expect(names(listed.stdout)).toContain(source.dependency);

    const accepted = await lineage(
      'review',
      'accept',
      '--name',
      source.dependency,
      ...(proposal!.owner ? ['--owner', proposal!.owner] : []),
      '--id',
      source.upload,
      '--note',
      'the same weights',
      '--by',
      'reviewer-1',
    );
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`stored: accept '${source.dependency}'`);
    const [change] = await store.recentChanges(1);
    expect(change).toMatchObject({ by: 'reviewer-1', action: 'review' });

    const undecided = await lineage('review', 'list', '--plan', planPath, '--json');
    expect(names(undecided.stdout)).not.toContain(source.dependency);
    expect(names(undecided.stdout)).toHaveLength(names(listed.stdout).length - 1);
    const decisions = await lineage('review', 'list', '--json');
    expect(JSON.parse(decisions.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: source.dependency,
          id: source.upload,
          verdict: 'accept',
          by: 'reviewer-1',
          note: 'the same weights',
        }),
      ]),
    );

    const imported = await lineage('import', '--format', 'ecosystem-graphs', source.file);
    expect(imported.code).toBe(0);
    const edges = await source.edgesToUpload();
    expect(edges).toHaveLength(1);
    expect(edges[0]?.matchedBy).toBe('reviewed');
  });

  it('refuses a decision on an unknown id on stderr with exit 1, changing nothing', async () => {
    const source = await bareNameSource();
    const version = await store.graphVersion();
    const missing = source.upload.replace('Zyphon', 'Nowhere');
    const result = await lineage('review', 'reject', '--name', source.dependency, '--id', missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(missing);
    expect(result.stderr).toContain('[NOT_FOUND]');
    expect(result.stdout).toBe('');
    expect(await store.graphVersion()).toBe(version);

    const removed = await lineage('review', 'remove', '--name', source.dependency);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toMatch(/no review decision for/);
  });

  it('lists the review commands in its help', async () => {
    const help = await lineage('review', '--help');
    for (const command of ['list', 'accept', 'reject', 'remove'])
      expect(help.stdout).toContain(command);
    const importHelp = await lineage('import', '--help');
    expect(importHelp.stdout).toContain('--plan <file>');
  });
});
