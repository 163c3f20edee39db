import { writeFile } from 'node:fs/promises';
import type { VexDocumentFormat } from '@lineage/core';
import { Option, type Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log } from '../output';
import { asOfOption } from './time-options';

/** Triage handed to the tools a security team already runs: CycloneDX VEX or OpenVEX. */
export function registerVex(program: Command, env: () => CliEnv) {
  program
    .command('vex')
    .description(
      "a VEX document of a defect's or a product's triage (untriaged exposures as in triage), validated",
    )
    .argument('<id>', 'a defect id (everywhere it reaches) or a node id (what reaches it)')
    .addOption(
      new Option('--format <format>', 'the document format')
        .choices(['cyclonedx', 'openvex'])
        .default('cyclonedx'),
    )
    .addOption(
      new Option('--spec-version <version>', 'the CycloneDX version')
        .choices(['1.6', '1.7'])
        .default('1.6'),
    )
    .option('--out <file>', 'the file to write (stdout when left out)')
    .addOption(asOfOption())
    .action(
      async (
        id: string,
        options: {
          format: VexDocumentFormat;
          specVersion: '1.6' | '1.7';
          out?: string;
          asOf?: string;
        },
      ) => {
        const graph = await openGraph(env(), { reuseRunning: true, log });
        try {
          const { json, statements } = await graph.services.vex(id, options);
          const format =
            options.format === 'openvex' ? 'OpenVEX 0.2.0' : `CycloneDX ${options.specVersion}`;
          log(`${statements} statement(s) about ${id}`);
          if (options.out) {
            await writeFile(options.out, json);
            log(`wrote ${options.out} (valid ${format})`);
          } else process.stdout.write(`${json}\n`);
        } finally {
          await graph.close();
        }
      },
    );
}
