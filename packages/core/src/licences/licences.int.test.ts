import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphStore } from '@lineage/graph-store';
import { startOwnStore, type OwnStore } from '@lineage/graph-store/testing';
import { planImport } from '@lineage/importers';
import { realData } from '@lineage/importers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../imports/seed';
import { LicenceService } from './licence-service';
import type { LicenceFinding } from './licence-inheritance';

const seedDir = fileURLToPath(new URL('../../../../seed', import.meta.url));
const egDir = realData('ecosystem-graphs/assets', 'the licence check on Ecosystem Graphs');

// A Neo4j of this file's own: the whole-graph check sees only the seed and what is imported here.
let own: OwnStore;
let store: GraphStore;
beforeAll(async () => {
  own = await startOwnStore();
  store = own.store;
  await seedDatabase(store, seedDir);
});
afterAll(async () => {
  await own?.stop();
});

const row = (f: LicenceFinding) =>
  `${f.node.id} ${f.kind} ${f.ancestor.id} ${f.declared?.id} ${f.level} ${f.path.join(' > ')}${f.acknowledged ? ' (ack)' : ''}`;

const R1_8B = 'model:deepseek-ai/DeepSeek-R1-Distill-Llama-8B';
const R1_70B = 'model:deepseek-ai/DeepSeek-R1-Distill-Llama-70B';
const ADAPTER = 'model:DavidAU/LORA-DeepSeek-R1-Distill-Llama-8B-rank-128-INSTRUCT-adapter';

describe('the licence check on the real data', () => {
  it('flags the R1-Distill-Llama models, declared MIT, under the Llama terms of their bases', async () => {
    const licences = new LicenceService(store);
    const { findings } = await licences.wholeGraph();
    // Every finding in the seed: the two distills (their MIT drops the Llama terms their model
    // cards name) and an Apache-2.0 adapter of one. DeepSeek's own MIT over DeepSeek-V3-Base's
    // licence is a licensor relicensing its work, not a finding.
    expect(findings.map(row)).toEqual([
      `${ADAPTER} DROPS llama3.1 apache-2.0 CERTAIN model:meta-llama/Llama-3.1-8B > ${R1_8B} > ${ADAPTER}`,
      `${R1_70B} DROPS llama3.3 mit CERTAIN model:meta-llama/Llama-3.3-70B-Instruct > ${R1_70B} (ack)`,
      `${R1_8B} DROPS llama3.1 mit CERTAIN model:meta-llama/Llama-3.1-8B > ${R1_8B} (ack)`,
    ]);
    const [eight] = findings.filter((f) => f.node.id === R1_8B);
    expect(eight!.dropped).toEqual(
      expect.arrayContaining(['acceptableUse', 'userThreshold', 'naming']),
    );
    expect(eight!.reason).toMatch(/MIT.*Llama 3\.1/);

    const report = await licences.forNode(R1_8B);
    expect(report.read?.declared?.id).toBe('mit');
    expect(report.read?.alsoNamed.map((terms) => terms.id)).toEqual(['llama3.1']);
    expect(report.inherited.map((i) => [i.terms.id, i.from])).toEqual([
      ['llama3.1', 'model:meta-llama/Llama-3.1-8B'],
    ]);
    expect(report.problems.map(row)).toEqual(findings.filter((f) => f.node.id === R1_8B).map(row));
    // The adapter's supply chain carries its parent's finding too.
    const adapter = await licences.forNode(ADAPTER);
    expect(adapter.upstream.map((f) => f.node.id).sort()).toEqual([ADAPTER, R1_8B]);
    await expect(licences.forNode('model:no/such-model')).rejects.toThrow(/no stored node/);
  });

  it.skipIf(!egDir)(
    'lists the conflicts among the imported Ecosystem Graphs licences, with paths',
    async () => {
      const files = (await readdir(egDir!))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(egDir!, f));
      const plan = await planImport('ecosystem-graphs', files, store);
      await store.write(plan.batch, { by: 'test', action: 'import', summary: 'ecosystem graphs' });
      const { findings } = await new LicenceService(store).wholeGraph();
      const rows = findings.map(row);
      // Models Ecosystem Graphs lists as trained on Stanford's Alpaca data (CC BY-NC 4.0)
      // while declaring a licence that allows commercial use.
      const alpaca = 'dataset:stanford/alpaca-dataset';
      for (const [model, declared] of [
        ['model:databricks/dolly', 'apache-2.0'],
        ['model:microsoft/wizardlm', 'apache-2.0'],
        ['model:stabilityai/stablelm', 'apache-2.0'],
      ])
        expect(rows).toContain(
          `${model} CONFLICTS cc-by-nc-4.0 ${declared} CERTAIN ${alpaca} > ${model}`,
        );
      // A Llama 2 model (Code Llama) under MIT: Ecosystem Graphs says only "depends on": LIKELY.
      expect(rows).toContain(
        'model:ohio-state-university/mammoth DROPS llama2 mit LIKELY model:meta-llama/code-llama > model:ohio-state-university/mammoth',
      );
      // The seed's findings are still there, and conflicts come first.
      expect(rows).toEqual(expect.arrayContaining([expect.stringContaining(R1_8B)]));
      const kinds = findings.map((f) => f.kind);
      expect(kinds).toEqual([...kinds].sort());
      for (const f of findings) {
        expect(f.path[0]).toBe(f.from);
        expect(f.path.at(-1)).toBe(f.node.id);
      }
    },
  );
});
