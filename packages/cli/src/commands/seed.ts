import path from 'node:path';
import { createServices, type WriteReport } from '@lineage/core';
import type { GraphStore } from '@lineage/graph-store';
import { readSeed, type SeedContents } from '@lineage/importers';
import type { Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson } from '../output';

export interface SeedResult {
  contents: SeedContents;
  report: WriteReport;
}

/**
 * Validates the whole seed, then writes it in one transaction: a bad record stops everything
 * before anything is written, and loading twice changes nothing the second time.
 */
export async function seedDatabase(store: GraphStore, dir: string): Promise<SeedResult> {
  return loadSeed(store, await readSeed(dir));
}

export async function loadSeed(store: GraphStore, contents: SeedContents): Promise<SeedResult> {
  return { contents, report: await createServices(store).imports.seed(contents) };
}

export function describeWrite(report: WriteReport): string {
  const { nodes: n, relationships: r } = report;
  return (
    `nodes ${n.created} created, ${n.updated} updated, ${n.unchanged} unchanged; ` +
    `relationships ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged; ` +
    `graph version ${report.graphVersion}${report.changed ? '' : ' (nothing changed)'}`
  );
}

export function registerSeed(program: Command, env: () => CliEnv) {
  program
    .command('seed')
    .description('validate the curated seed and load it (idempotent; all or nothing)')
    .option('--dir <dir>', 'the seed directory', undefined)
    .option('--json', 'print the report as JSON')
    .action(async (options: { dir?: string; json?: boolean }) => {
      const config = env();
      const dir = path.resolve(options.dir ?? path.join(config.repoRoot, 'seed'));
      // Validate before starting anything: a bad record is reported in a second, not after Neo4j.
      const seed = await readSeed(dir);
      const graph = await openGraph(config, { reuseRunning: true, log });
      try {
        log(`Neo4j: ${graph.where}`);
        await graph.services.migrate();
        const report = await graph.services.imports.seed(seed);
        if (options.json) printJson({ files: seed.files, unverified: seed.unverified, ...report });
        else {
          log(`seed: ${seed.files.length} files in ${dir}`);
          process.stdout.write(`${describeWrite(report)}\n`);
        }
      } finally {
        await graph.close();
      }
    });
}
