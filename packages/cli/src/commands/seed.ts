import path from 'node:path';
import type { WriteReport } from '@lineage/core';
import { readSeed } from '@lineage/importers';
import type { Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson } from '../output';

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
