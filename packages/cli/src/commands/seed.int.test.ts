import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, MODEL_KINDS, kindGroup } from '@lineage/domain';
import type { GraphStore } from '@lineage/graph-store';
import { connectTestStore, testNamespace } from '@lineage/graph-store/testing';
import { readSeed } from '@lineage/importers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@lineage/core';

const seedDir = fileURLToPath(new URL('../../../../seed', import.meta.url));

let store: GraphStore;
let scratch: string;
beforeAll(async () => {
  store = await connectTestStore();
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-seed-test-'));
});
afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

async function seedDirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'seed-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('the curated seed', () => {
  it('holds the promised breadth of real records, each with a source', async () => {
    const { batch } = await readSeed(seedDir);
    const perGroup = new Map<string, number>();
    for (const node of batch.nodes) {
      perGroup.set(kindGroup(node.kind), (perGroup.get(kindGroup(node.kind)) ?? 0) + 1);
    }
    expect(perGroup.get('Provider')).toBeGreaterThanOrEqual(12);
    expect(perGroup.get('Model')).toBeGreaterThanOrEqual(40);
    expect(perGroup.get('Dataset')).toBeGreaterThanOrEqual(5);
    expect(perGroup.get('Deployment')).toBeGreaterThanOrEqual(25);
    expect(perGroup.get('Defect')).toBeGreaterThanOrEqual(10);
    const modelKinds = new Set(batch.nodes.map((node) => node.kind));
    for (const kind of MODEL_KINDS) expect(modelKinds).toContain(kind);
    expect(batch.relationships.filter((r) => r.type === 'MITIGATES').length).toBeGreaterThan(0);
    expect(batch.nodes.filter((node) => !node.sources?.length)).toEqual([]);
  });

  it('keeps both parents of the DeepSeek-R1 distills', async () => {
    const { batch } = await readSeed(seedDir);
    const parents = batch.relationships
      .filter((r) => r.from === 'model:deepseek-ai/DeepSeek-R1-Distill-Qwen-7B')
      .map((r) => `${r.type} ${r.to}`);
    expect(parents).toEqual(
      expect.arrayContaining([
        'DISTILLED_FROM model:deepseek-ai/DeepSeek-R1',
        'FINE_TUNED_FROM model:Qwen/Qwen2.5-Math-7B',
      ]),
    );
  });

  it('loads into Neo4j, and loading it again leaves the same graph hash', async () => {
    const { batch } = await readSeed(seedDir);
    const ids = batch.nodes.map((node) => node.id);
    await seedDatabase(store, seedDir);
    const first = await store.graphHash({ ids });
    expect(first.nodes).toBe(batch.nodes.length);
    expect(first.relationships).toBe(batch.relationships.length);

    const again = await seedDatabase(store, seedDir);
    expect(again.report.changed).toBe(false);
    expect(again.report.nodes.created + again.report.nodes.updated).toBe(0);
    expect(await store.graphHash({ ids })).toEqual(first);
  });
});

describe('a bad seed', () => {
  it('is refused with the file and line of the bad record, and nothing is written', async () => {
    const ns = testNamespace();
    const dir = await seedDirWith({
      'models.yaml': [
        `- id: ${ns.id('model', 'org/good')}`,
        '  kind: BaseModel',
        '  name: Good',
        '  sources: [https://example.org/good]',
        `- id: ${ns.id('model', 'org/bad')}`,
        '  kind: FineTune',
        '  name: Bad',
        '  access: public',
        '  sources: [https://example.org/bad]',
        '  lineage:',
        `    - { type: FINE_TUNED_FROM, to: ${ns.id('model', 'org/good')} }`,
        '',
      ].join('\n'),
    });
    const error = await seedDatabase(store, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    expect((error as DomainError).message).toMatch(/models\.yaml:8: access: /);
    expect(await store.graphHash({ idsContaining: ns.token })).toMatchObject({ nodes: 0 });
  });

  it('reports a YAML syntax error with its line', async () => {
    const dir = await seedDirWith({ 'broken.yaml': '- id: provider:x\n  name: [unclosed\n' });
    await expect(readSeed(dir)).rejects.toThrow(/broken\.yaml:\d+: /);
  });

  it('reports a link to an id the seed does not define, at the line of the link', async () => {
    const ns = testNamespace();
    const dir = await seedDirWith({
      'models.yaml': [
        `- id: ${ns.id('model', 'org/child')}`,
        '  kind: FineTune',
        '  name: Child',
        '  sources: [https://example.org/child]',
        '  lineage:',
        `    - { type: FINE_TUNED_FROM, to: ${ns.id('model', 'org/nowhere')} }`,
        '',
      ].join('\n'),
    });
    await expect(readSeed(dir)).rejects.toThrow(
      new RegExp(`models\\.yaml:6: FINE_TUNED_FROM names ${ns.id('model', 'org/nowhere')}`),
    );
  });

  it('that only the database can refuse (a cycle) leaves nothing written', async () => {
    const ns = testNamespace();
    const a = ns.id('model', 'org/a');
    const b = ns.id('model', 'org/b');
    const record = (id: string, parent: string) =>
      [
        `- id: ${id}`,
        '  kind: Merge',
        `  name: ${id}`,
        '  sources: [https://example.org/x]',
        `  lineage: [{ type: MERGED_FROM, to: ${parent} }]`,
      ].join('\n');
    const dir = await seedDirWith({ 'models.yaml': `${record(a, b)}\n${record(b, a)}\n` });
    const error = await seedDatabase(store, dir).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('CYCLE');
    expect(await store.graphHash({ idsContaining: ns.token })).toMatchObject({ nodes: 0 });
  });
});
