import type { Column } from '@lineage/domain';
import type { StoredWatch, WatchedExposure } from '@lineage/core';
import type { Command } from 'commander';
import { checkBy } from '../by-option';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson, printRows, type FormatOptions } from '../output';
import { asOfOption } from './time-options';

interface Filter {
  owner?: string;
  tag?: string;
}

const WATCH_COLUMNS: Column<StoredWatch>[] = [
  { header: 'owner', value: (w) => w.owner },
  { header: 'deployment', value: (w) => w.deploymentId },
  { header: 'contact', value: (w) => w.contact ?? '' },
  { header: 'tags', value: (w) => w.tags.join(' ') },
  { header: 'by', value: (w) => w.by },
  { header: 'at', value: (w) => w.at },
];

const EXPOSURE_COLUMNS: Column<WatchedExposure>[] = [
  { header: 'severity', value: (e) => e.defect.severity },
  { header: 'since', value: (e) => e.exposure.since ?? '(from the start)' },
  { header: 'deployment', value: (e) => e.watch.deploymentId },
  { header: 'owner', value: (e) => e.watch.owner },
  { header: 'defect', value: (e) => e.exposure.defectId },
  { header: 'level', value: (e) => e.exposure.row.level },
  { header: 'triage', value: (e) => e.exposure.triage?.state ?? 'UNTRIAGED' },
  { header: 'path', value: (e) => e.exposure.row.path.join(' > ') },
];

const withFilter = (command: Command) =>
  command
    .option('--owner <owner>', 'only the products of this owner')
    .option('--tag <tag>', 'only the products with this tag');

/** Watched products: deployments marked as ours, and what still reaches them. */
export function registerWatch(program: Command, env: () => CliEnv) {
  const watch = program
    .command('watch')
    .description('mark deployments as ours and list the open exposures of those products');

  watch
    .command('add')
    .description('watch a deployment (replacing an earlier watch of it)')
    .argument('<deploymentId>', 'a stored deployment')
    .requiredOption('--owner <owner>', 'the team answerable for the product')
    .option('--contact <contact>', 'whom to tell: an address, a channel, a person')
    .option('--tags <tags...>', 'tags to group products by')
    .option('--by <name>', 'who marks it, for the audit trail', 'cli')
    .action(
      async (
        deploymentId: string,
        options: { owner: string; contact?: string; tags?: string[]; by: string },
      ) => {
        checkBy(options.by);
        const graph = await openGraph(env(), { reuseRunning: true, log });
        try {
          const { owner, contact, tags, by } = options;
          const { watch: stored, graphVersion } = await graph.services.watches.watch(
            { deploymentId, owner, contact, tags },
            { by, action: 'watch' },
          );
          process.stdout.write(
            `watching ${stored.deploymentId} for ${stored.owner} (graph version ${graphVersion})\n`,
          );
        } finally {
          await graph.close();
        }
      },
    );

  watch
    .command('remove')
    .description('stop watching a deployment')
    .argument('<deploymentId>', 'a watched deployment')
    .option('--by <name>', 'who removes it, for the audit trail', 'cli')
    .action(async (deploymentId: string, options: { by: string }) => {
      checkBy(options.by);
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { graphVersion } = await graph.services.watches.unwatch(deploymentId, {
          by: options.by,
          action: 'unwatch',
        });
        process.stdout.write(`stopped watching ${deploymentId} (graph version ${graphVersion})\n`);
      } finally {
        await graph.close();
      }
    });

  withFilter(watch.command('list'))
    .description('the watched products, by owner')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action(async (options: Filter & FormatOptions) => {
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        printRows(await graph.services.watches.list(options), WATCH_COLUMNS, options);
      } finally {
        await graph.close();
      }
    });

  withFilter(watch.command('exposures'))
    .description(
      'open exposures of the watched products: most severe first, then the newest; untriaged ones say UNTRIAGED',
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .addOption(asOfOption())
    .action(async (options: Filter & FormatOptions & { asOf?: string }) => {
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { asOf, exposures, watches } = await graph.services.watches.openExposures(options);
        const watched = watches.length;
        if (options.json) return printJson({ asOf: asOf.date, watched, exposures });
        if (!options.csv) log(`${watched} watched product(s), as of ${asOf.date}`);
        printRows(exposures, EXPOSURE_COLUMNS, options);
      } finally {
        await graph.close();
      }
    });
}
