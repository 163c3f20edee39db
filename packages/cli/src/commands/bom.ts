import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log } from '../output';
import { asOfOption } from './time-options';

export function registerBom(program: Command, env: () => CliEnv) {
  program
    .command('bom')
    .description(
      "a deployment's AI bill of materials, with the defects that reach it (CycloneDX 1.6, validated)",
    )
    .argument('<deployment>', 'a deployment id')
    .addOption(
      new Option('--format <format>', 'the document format')
        .choices(['cyclonedx'])
        .default('cyclonedx'),
    )
    .option('--out <file>', 'the file to write (stdout when left out)')
    .addOption(asOfOption())
    .action(async (deployment: string, options: { out?: string; asOf?: string }) => {
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { bill, json } = await graph.services.cycloneDxBom(deployment, {
          asOf: options.asOf,
        });
        log(
          `as of ${bill.asOf.date}: ${bill.nodes.length} component(s), ${bill.vulnerabilities.length} defect(s) listed for ${deployment}`,
        );
        if (options.out) {
          await writeFile(options.out, json);
          log(`wrote ${options.out} (valid CycloneDX 1.6)`);
        } else process.stdout.write(`${json}\n`);
      } finally {
        await graph.close();
      }
    });
}
