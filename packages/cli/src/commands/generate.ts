import { generateSynthetic } from '@lineage/importers';
import type { Command } from 'commander';
import { writeBackup } from '../backup-file';
import { integerOption } from '../integer-option';
import { log, progressBar } from '../output';

export function registerGenerate(program: Command) {
  program
    .command('generate')
    .description('write an HF-shaped synthetic graph as a backup file, the same for the same seed')
    .requiredOption(
      '--nodes <n>',
      'lineage nodes (models and deployments)',
      integerOption('--nodes', 1, 10_000_000),
    )
    .option('--seed <s>', 'the generator seed', integerOption('--seed', 1, 2 ** 31 - 1), 1)
    .option('--out <file>', 'the file to write, whole or not at all (stdout when left out)')
    .action(async (options: { nodes: number; seed: number; out?: string }) => {
      const bar = progressBar('generating', options.nodes);
      const lines = await writeBackup(options.out, {
        // A fixed header keeps the file the same for the same seed.
        graphVersion: 0,
        exportedAt: new Date(0).toISOString(),
        items: (function* () {
          for (const item of generateSynthetic(options.nodes, options.seed)) {
            yield item;
            if ('node' in item && item.node.kind !== 'Provider') bar.increment();
          }
        })(),
      });
      bar.stop();
      log(
        `generated ${options.nodes} lineage nodes (${lines} lines) with seed ${options.seed}${options.out ? ` in ${options.out}` : ''}`,
      );
    });
}
