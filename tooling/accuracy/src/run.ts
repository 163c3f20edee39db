/**
 * `npm run accuracy`: loads the seed into a Neo4j of its own, imports the four real sources
 * in the order a user would (the Hugging Face tree, Ecosystem Graphs, AVID, JailbreakBench),
 * and scores every name of the hand-labelled truth table against what the imports decided.
 * Exits 1 on a wrong join or under 90% of the true matches made; skips, with a notice, where
 * the real sources are absent.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, seedDatabase } from '@lineage/core';
import { realSourceImports } from '@lineage/importers/testing';
import { startOwnStore } from '@lineage/graph-store/testing';
import { report } from './report';
import { score, type SourceRecords } from './score';
import { readTruthTable } from './truth-table';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEED_DIR = path.resolve(here, '../../../seed');
const TRUTH_TABLE = path.resolve(here, '../truth-table.yaml');
export const MIN_RECALL = 0.9;

async function main(): Promise<number> {
  const imports = await realSourceImports('the accuracy check');
  if (!imports) return 0;
  const rows = await readTruthTable(TRUTH_TABLE);
  const step = (line: string) => process.stderr.write(`${line}\n`);
  step('starting a Neo4j of its own...');
  // One transaction per import (streaming, chunked imports are issue 14): the HF tree's holds
  // 36k nodes and 60k relationships with their provenance, over Neo4j's default 512 MiB.
  const own = await startOwnStore({
    heap: '3g',
    pageCache: '512m',
    transactionMax: '1500m',
    transactionTotal: '2g',
    writeTimeoutMs: 900_000,
  });
  try {
    const services = createServices(own.store);
    step('loading the seed...');
    await seedDatabase(own.store, SEED_DIR);
    const records: SourceRecords[] = [];
    for (const { format, files } of imports) {
      // The HF tree names no models by name: it has no rows in the truth table.
      const source: SourceRecords['source'] | undefined = format === 'hf-tree' ? undefined : format;
      const started = Date.now();
      const { plan } = await services.imports.run(format, files, { by: 'accuracy', onStep: step });
      step(
        `${format}: ${plan.records} records, ${plan.matches.length} names matched or listed (${Math.round((Date.now() - started) / 1000)} s)`,
      );
      if (source) records.push({ source, matches: plan.matches });
    }
    const result = score(rows, records);
    process.stdout.write(report(result, MIN_RECALL));
    return result.wrong === 0 && result.recall >= MIN_RECALL ? 0 : 1;
  } finally {
    await own.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `accuracy: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
