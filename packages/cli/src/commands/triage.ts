import {
  TRIAGE_JUSTIFICATIONS,
  TRIAGE_STATES,
  type Column,
  type ExposedRow,
  type TriageJustification,
  type TriageState,
} from '@lineage/domain';
import type { Triage } from '@lineage/core';
import { Option, type Command } from 'commander';
import { checkBy } from '../by-option';
import { constantOf } from '../constant-option';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson, printRows, type FormatOptions } from '../output';
import { asOfOption } from './time-options';

interface SetOptions {
  state: TriageState;
  justification?: TriageJustification;
  note?: string;
  by: string;
  json?: boolean;
}

type Row = ExposedRow & { triage?: Triage };

const LIST_COLUMNS: Column<Row>[] = [
  { header: 'triage', value: (r) => r.triage?.state ?? 'UNTRIAGED' },
  { header: 'level', value: (r) => (r.mitigated ? `MITIGATED (${r.level})` : r.level) },
  { header: 'id', value: (r) => r.id },
  { header: 'justification', value: (r) => r.triage?.justification ?? '' },
  { header: 'by', value: (r) => r.triage?.triagedBy ?? '' },
  { header: 'at', value: (r) => r.triage?.triagedAt ?? '' },
  { header: 'path', value: (r) => r.path.join(' > ') },
];

/**
 * Triage: a person's analysis of a defect at a node it reaches (VEX states), audited (by
 * `--by`, else `cli`). NOT_AFFECTED and FALSE_POSITIVE stop the defect at the node.
 */
export function registerTriage(program: Command, env: () => CliEnv) {
  const triage = program
    .command('triage')
    .description('record whether a defect really affects a node it reaches (VEX analysis)');

  triage
    .command('set')
    .description('record the analysis of a defect at a node, replacing the last one')
    .argument('<defectId>', 'the defect')
    .argument('<nodeId>', 'a model, dataset or deployment')
    .addOption(
      new Option('--state <state>', `the analysis: ${TRIAGE_STATES.join(', ')}`)
        .argParser(constantOf(TRIAGE_STATES))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--justification <why>',
        `why NOT_AFFECTED, required with it and refused otherwise: ${TRIAGE_JUSTIFICATIONS.join(', ')}`,
      ).argParser(constantOf(TRIAGE_JUSTIFICATIONS)),
    )
    .option('--note <text>', 'what was found, for the next reader')
    .option('--by <name>', 'who analysed it, for the audit trail', 'cli')
    .option('--json', 'print the stored triage as JSON')
    .action(async (defectId: string, nodeId: string, options: SetOptions) => {
      checkBy(options.by);
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { state, justification, note, by } = options;
        const written = await graph.services.writes.setTriage(
          { defectId, nodeId, state, justification, note },
          { by, action: 'setTriage' },
        );
        const stored = await written.relationship();
        if (options.json) return printJson(stored);
        const why = justification ? ` (${justification})` : '';
        process.stdout.write(
          `${nodeId} for ${defectId}: ${state}${why} by ${by} (graph version ${written.graphVersion})\n`,
        );
      } finally {
        await graph.close();
      }
    });

  triage
    .command('clear')
    .description('remove the analysis: the node is untriaged again')
    .argument('<defectId>', 'the defect')
    .argument('<nodeId>', 'the node')
    .option('--by <name>', 'who removes it, for the audit trail', 'cli')
    .action(async (defectId: string, nodeId: string, options: { by: string }) => {
      checkBy(options.by);
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { graphVersion } = await graph.services.writes.clearTriage(defectId, nodeId, {
          by: options.by,
          action: 'clearTriage',
        });
        process.stdout.write(
          `${nodeId} for ${defectId}: untriaged (graph version ${graphVersion})\n`,
        );
      } finally {
        await graph.close();
      }
    });

  triage
    .command('list')
    .description(
      'the deployments a defect reaches, each with its triage (UNTRIAGED when none), untriaged first',
    )
    .argument('<defectId>', 'the defect')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .addOption(asOfOption())
    .action(async (defectId: string, options: FormatOptions & { asOf?: string }) => {
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { context, view } = await graph.services.impact.impactOfDefect(defectId, {
          asOf: options.asOf,
        });
        const reached = [...view.deployments(), ...view.mitigated()].filter(
          (row) => row.kind === 'Deployment',
        );
        // Untriaged first, then by state in the order of the states; the view's order within.
        const rank = (row: Row) => (row.triage ? 1 + TRIAGE_STATES.indexOf(row.triage.state) : 0);
        const rows: Row[] = reached
          .map((row) => ({ ...row, triage: context.triage.get(row.id) }))
          .sort((a, b) => rank(a) - rank(b));
        printRows(rows, LIST_COLUMNS, options);
      } finally {
        await graph.close();
      }
    });
}
