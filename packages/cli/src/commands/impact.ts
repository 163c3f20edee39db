import {
  DEFECT_CATEGORIES,
  EXPOSURE_LEVELS,
  NODE_KINDS,
  SEVERITIES,
  type Column,
  type DefectCategory,
  type ExposedRow,
  type ExposureLevel,
  type ImpactView,
  type NodeKind,
} from '@lineage/domain';
import type { AsOf } from '@lineage/core';
import { Option, type Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { integerOption } from '../integer-option';
import { log, printRows, type FormatOptions } from '../output';
import { windowsText } from './exposure-windows';
import { asOfOption, disclosedOnlyOption } from './time-options';

const ROW_COLUMNS: Column<ExposedRow>[] = [
  { header: 'level', value: (r) => (r.mitigated ? `MITIGATED (${r.level})` : r.level) },
  { header: 'distance', value: (r) => r.distance },
  { header: 'kind', value: (r) => r.kind },
  { header: 'id', value: (r) => r.id },
  { header: 'path', value: (r) => r.path.join(' > ') },
];

// The API's bound for the same argument.
const MAX_DEPTH = 100;

interface TimeOptions {
  asOf?: string;
  disclosedOnly?: boolean;
}

interface ViewOptions extends FormatOptions, TimeOptions {
  minLevel?: ExposureLevel;
  kinds?: NodeKind[];
  maxDepth?: number;
}

const withFormats = (command: Command) =>
  command
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .addOption(
      new Option('--min-level <level>', 'only nodes at or above this level').choices(
        EXPOSURE_LEVELS.filter((l) => l !== 'NONE'),
      ),
    )
    .addOption(new Option('--kinds <kinds...>', 'only nodes of these kinds').choices(NODE_KINDS))
    .option(
      '--max-depth <n>',
      `longest path considered (0 to ${MAX_DEPTH})`,
      integerOption('--max-depth', 0, MAX_DEPTH),
    )
    .addOption(asOfOption());

function printView(view: ImpactView, asOf: AsOf, options: ViewOptions) {
  const page = view.page(
    { minLevel: options.minLevel, kinds: options.kinds },
    0,
    Number.MAX_SAFE_INTEGER,
  );
  const rows = [...page.rows, ...view.mitigated()];
  const totals = view.totals();
  log(
    `as of ${asOf.date}: exposed: ${totals.exposed} (${totals.byLevel
      .filter((l) => l.count)
      .map((l) => `${l.count} ${l.level}`)
      .join(', ')}); mitigated: ${totals.mitigated}`,
  );
  printRows(rows, ROW_COLUMNS, options, {
    asOf: asOf.date,
    totals,
    exposed: page.rows,
    mitigated: view.mitigated(),
  });
}

export function registerImpact(program: Command, env: () => CliEnv) {
  withFormats(
    program
      .command('impact')
      .description('everything a defect reaches: level, distance, witness path')
      .argument('<defect>', 'a defect id'),
  )
    .addOption(disclosedOnlyOption())
    .action(async (defect: string, options: ViewOptions) => {
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { view, asOf } = await graph.services.impact.impactOfDefect(defect, {
          maxDepth: options.maxDepth,
          asOf: options.asOf,
          disclosedOnly: options.disclosedOnly,
        });
        printView(view, asOf, options);
      } finally {
        await graph.close();
      }
    });

  withFormats(
    program
      .command('what-if')
      .description('the impact a defect on a node would have; nothing is written')
      .argument('<node>', 'a model, dataset or deployment id'),
  )
    .addOption(
      new Option('--category <category>', 'the defect category')
        .choices(DEFECT_CATEGORIES)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--severity <severity>', 'the defect severity')
        .choices(SEVERITIES)
        .default('HIGH'),
    )
    .option('--assume-mitigated <ids...>', 'nodes to treat as mitigating', [])
    .action(
      async (
        node: string,
        options: ViewOptions & { category: DefectCategory; assumeMitigated: string[] },
      ) => {
        const graph = await openGraph(env(), { reuseRunning: true, log });
        try {
          const { view, asOf } = await graph.services.impact.whatIf(
            node,
            options.category,
            options.assumeMitigated,
            { maxDepth: options.maxDepth, asOf: options.asOf },
          );
          printView(view, asOf, options);
        } finally {
          await graph.close();
        }
      },
    );

  program
    .command('exposure')
    .description(
      'every defect that reaches a node on the day asked, strongest first, with the windows over which each reached it',
    )
    .argument('<node>', 'a node id')
    .addOption(asOfOption())
    .addOption(disclosedOnlyOption())
    .option('--json', 'print JSON (each row with its windows and their paths)')
    .option('--csv', 'print CSV')
    .action(async (node: string, options: FormatOptions & TimeOptions) => {
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { rows, asOf } = await graph.services.impact.exposure(node, {
          asOf: options.asOf,
          disclosedOnly: options.disclosedOnly,
        });
        log(`as of ${asOf.date}: ${rows.length} defect(s) reach ${node}`);
        printRows(
          rows,
          [
            { header: 'defect', value: (r) => r.defectId },
            { header: 'severity', value: (r) => r.severity },
            ...ROW_COLUMNS.filter(
              (c) => c.header === 'level' || c.header === 'distance' || c.header === 'path',
            ).map((c) => ({
              header: c.header,
              value: (r: (typeof rows)[number]) => c.value(r.row),
            })),
            // The window holding the day asked, then every window, oldest first.
            { header: 'since', value: (r) => r.since ?? 'no known start' },
            { header: 'windows', value: (r) => windowsText(r.windows) },
          ],
          options,
        );
      } finally {
        await graph.close();
      }
    });
}
