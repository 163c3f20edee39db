import type { Changes, ExposureChange, LineageChange } from '@lineage/core';
import type { Column } from '@lineage/domain';
import type { Command } from 'commander';
import { openGraph } from '../database';
import { dateOption } from '../date-option';
import type { CliEnv } from '../env';
import { log, printJson, printRows, type FormatOptions } from '../output';

const RELATIONSHIP_COLUMNS: Column<LineageChange>[] = [
  { header: 'on', value: (c) => c.on },
  { header: 'change', value: (c) => c.change },
  { header: 'type', value: (c) => c.relationship.type },
  { header: 'from', value: (c) => c.relationship.from },
  { header: 'to', value: (c) => c.relationship.to },
];

const EXPOSURE_COLUMNS: Column<ExposureChange>[] = [
  { header: 'change', value: (c) => c.change },
  { header: 'defect', value: (c) => c.defectId },
  { header: 'level', value: (c) => c.level },
  { header: 'deployment', value: (c) => c.deploymentId },
];

/** Both lists as one CSV: a row per change, `what` saying which list it comes from. */
type DiffRow =
  { what: 'relationship'; change: LineageChange } | { what: 'exposure'; change: ExposureChange };

const CSV_COLUMNS: Column<DiffRow>[] = [
  { header: 'what', value: (r) => r.what },
  { header: 'change', value: (r) => r.change.change },
  { header: 'on', value: (r) => (r.what === 'relationship' ? r.change.on : '') },
  { header: 'type', value: (r) => (r.what === 'relationship' ? r.change.relationship.type : '') },
  { header: 'from', value: (r) => (r.what === 'relationship' ? r.change.relationship.from : '') },
  { header: 'to', value: (r) => (r.what === 'relationship' ? r.change.relationship.to : '') },
  { header: 'defect', value: (r) => (r.what === 'exposure' ? r.change.defectId : '') },
  { header: 'level', value: (r) => (r.what === 'exposure' ? r.change.level : '') },
  { header: 'deployment', value: (r) => (r.what === 'exposure' ? r.change.deploymentId : '') },
];

function printChanges(changes: Changes, options: FormatOptions) {
  if (options.json) return printJson(changes);
  if (options.csv) {
    const rows: DiffRow[] = [
      ...changes.relationships.map((change) => ({ what: 'relationship' as const, change })),
      ...changes.exposures.map((change) => ({ what: 'exposure' as const, change })),
    ];
    return printRows(rows, CSV_COLUMNS, options);
  }
  process.stdout.write(
    `lineage relationships that began or ended after ${changes.from}, up to ${changes.to}:\n`,
  );
  printRows(changes.relationships, RELATIONSHIP_COLUMNS, options);
  process.stdout.write(`\nexposures of deployments that differ between the two days:\n`);
  printRows(changes.exposures, EXPOSURE_COLUMNS, options);
}

export function registerDiff(program: Command, env: () => CliEnv) {
  program
    .command('diff')
    .description(
      'what changed in the lineage between two days: relationships that began or ended, and the exposures of deployments they opened or closed',
    )
    .requiredOption(
      '--from <date>',
      'the earlier day (YYYY-MM-DD): changes after it count',
      dateOption('--from'),
    )
    .requiredOption(
      '--to <date>',
      'the later day (YYYY-MM-DD), after --from: changes on it count',
      dateOption('--to'),
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (one row per change)')
    .action(async (options: FormatOptions & { from: string; to: string }) => {
      // ISO dates order as text; said before any database is opened.
      if (options.to <= options.from)
        throw new Error(`--to (${options.to}) must be after --from (${options.from})`);
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const changes = await graph.services.impact.changesBetween(options.from, options.to);
        log(
          `from ${changes.from} to ${changes.to}: ${changes.relationships.length} relationship change(s), ${changes.exposures.length} exposure change(s)`,
        );
        printChanges(changes, options);
      } finally {
        await graph.close();
      }
    });
}
