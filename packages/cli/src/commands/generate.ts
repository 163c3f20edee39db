import { once } from 'node:events';
import { generateSynthetic, hfEdgeLines, writeHfEdgesCsv } from '@lineage/importers';
import { Option, type Command } from 'commander';
import { writeBackup } from '../backup-file';
import { integerOption } from '../integer-option';
import { log, progressBar } from '../output';

interface GenerateOptions {
  nodes: number;
  seed: number;
  out?: string;
  format: 'backup' | 'hf-csv';
}

export function registerGenerate(program: Command) {
  program
    .command('generate')
    .description(
      'write an HF-shaped synthetic graph as a backup file (or its model lineage as a Hugging Face edges CSV), the same for the same seed',
    )
    .requiredOption(
      '--nodes <n>',
      'lineage nodes (models and deployments)',
      integerOption('--nodes', 1, 10_000_000),
    )
    .option('--seed <s>', 'the generator seed', integerOption('--seed', 1, 2 ** 31 - 1), 1)
    .option('--out <file>', 'the file to write, whole or not at all (stdout when left out)')
    .addOption(
      new Option(
        '--format <format>',
        'backup: the whole graph; hf-csv: the model-to-model edges as source,target,edge',
      )
        .choices(['backup', 'hf-csv'])
        .default('backup'),
    )
    .action(async (options: GenerateOptions) => {
      if (options.format === 'hf-csv') return generateHfCsv(options);
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

async function generateHfCsv({ nodes, seed, out }: GenerateOptions) {
  const { rows } = out
    ? await writeHfEdgesCsv({ nodes, seed, file: out })
    : await writeLines(process.stdout, hfEdgeLines(nodes, seed));
  log(
    `generated ${rows} lineage edges of ${nodes} lineage nodes with seed ${seed}${out ? ` in ${out}` : ''}`,
  );
}

async function writeLines(output: NodeJS.WritableStream, lines: Iterable<string>) {
  let rows = -1;
  for (const line of lines) {
    rows++;
    if (!output.write(`${line}\n`)) await once(output as NodeJS.EventEmitter, 'drain');
  }
  return { rows };
}
