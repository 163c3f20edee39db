import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOKUP_CHUNK } from './matching/batched-lookup';
import type { NodeLookup } from './plan';
import { planImport, type ImportFormat } from './plan-import';
import { lookupOf } from './testing/fake-lookup';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/** A lookup over a small store that counts its calls and the items each call asks for. */
function countingLookup() {
  const inner = lookupOf([
    {
      id: 'model:meta-llama/Llama-3.1-8B',
      kind: 'BaseModel',
      name: 'Llama-3.1-8B',
      curated: true,
      developers: [],
    },
  ]);
  const calls: Record<string, number[]> = {};
  const counted =
    <A extends unknown[], R>(name: string, call: (...args: A) => R) =>
    (...args: A): R => {
      const asked = Array.isArray(args[0]) ? args[0].length : 0;
      (calls[name] ??= []).push(asked);
      return call(...args);
    };
  const lookup: NodeLookup = {
    matchNames: counted('matchNames', inner.matchNames),
    kindsOf: counted('kindsOf', inner.kindsOf),
    storedIdsFolded: counted('storedIdsFolded', inner.storedIdsFolded),
    reviewDecisions: counted('reviewDecisions', inner.reviewDecisions),
    nodesOwnedBy: counted('nodesOwnedBy', async () => new Map()),
    snapshotsOf: counted('snapshotsOf', inner.snapshotsOf!),
    releasedAtOf: counted('releasedAtOf', inner.releasedAtOf!),
  };
  return { lookup, calls };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-batching-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reconciliation lookups', () => {
  it('ask the store once per chunk of distinct ids, never once per row', async () => {
    const rows = 3 * LOOKUP_CHUNK;
    const file = path.join(dir, 'edges.csv');
    const edges = Array.from(
      { length: rows },
      (_, i) => `owner${i % 40}/base-${i % 500},tuner${i % 70}/tuned-${i},finetuned`,
    );
    await writeFile(file, ['source,target,edge', ...edges].join('\n'));
    const { lookup, calls } = countingLookup();
    await planImport('hf-tree', [file], lookup);

    for (const [method, asked] of Object.entries(calls)) {
      const items = asked.reduce((sum, n) => sum + n, 0);
      // At most one call per chunk of what it asked, plus one for each place that asks.
      expect(asked.length, method).toBeLessThanOrEqual(Math.ceil(items / LOOKUP_CHUNK) + 2);
      expect(Math.max(...asked), method).toBeLessThanOrEqual(LOOKUP_CHUNK);
    }
    // 30,000 rows name ~30,600 models and 110 owners: 4 chunks, not 60,000 calls.
    expect(calls.storedIdsFolded!.length).toBeLessThanOrEqual(5);
  });

  it.each<[ImportFormat, string[]]>([
    ['hf-tree', ['hf-model-tree/edges.csv']],
    ['hf-cards', ['hf-cards/cards.jsonl']],
    ['ecosystem-graphs', ['ecosystem-graphs/assets']],
    ['avid', ['avid/reports']],
    ['jailbreakbench', ['jailbreakbench']],
    ['cyclonedx', ['cyclonedx/ml-bom.json']],
  ])('%s: each kind of lookup a few times whatever the rows', async (format, inputs) => {
    const { lookup, calls } = countingLookup();
    const plan = await planImport(
      format,
      inputs.map((input) => path.join(FIXTURES, input)),
      lookup,
    );
    expect(plan.records).toBeGreaterThan(0);
    for (const [method, asked] of Object.entries(calls))
      expect(asked.length, `${method} asked ${asked.join(', ')}`).toBeLessThanOrEqual(3);
  });
});
