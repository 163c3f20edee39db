import type { LicenceFinding } from '@lineage/core';
import type { Column } from '@lineage/domain';
import { Option, type Command } from 'commander';
import { constantOf } from '../constant-option';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printRows, type FormatOptions } from '../output';

const KINDS = ['DROPS', 'CONFLICTS'] as const;

export const FINDING_COLUMNS: Column<LicenceFinding>[] = [
  { header: 'kind', value: (f) => f.kind },
  { header: 'node', value: (f) => f.node.id },
  { header: 'declared', value: (f) => f.declared?.id ?? '' },
  { header: 'inherited', value: (f) => f.ancestor.id },
  { header: 'from', value: (f) => f.from },
  { header: 'level', value: (f) => f.level },
  { header: 'reason', value: (f) => f.reason },
  { header: 'path', value: (f) => f.path.join(' > ') },
];

/** JSON callers get the records, not the columns: licences with their sources and obligations. */
export const licenceFindingsJson = (findings: LicenceFinding[]) =>
  findings.map(({ node, ...finding }) => ({ node: node.id, text: node.license, ...finding }));

/** Licence inheritance: derivatives whose declared licence drops or conflicts with inherited terms. */
export function registerLicences(program: Command, env: () => CliEnv) {
  program
    .command('licences')
    .description(
      "list derivatives whose declared licence drops or conflicts with an ancestor's terms, with paths",
    )
    .argument('[node]', "only this node's upstream lineage (itself included)")
    .addOption(
      new Option('--kind <kind>', 'only problems of this kind (drops, conflicts)').argParser(
        constantOf(KINDS),
      ),
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action(async (nodeId: string | undefined, options: FormatOptions & { kind?: string }) => {
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const licences = graph.services.licences;
        const all = nodeId
          ? (await licences.forNode(nodeId)).upstream
          : (await licences.wholeGraph()).findings;
        const findings = options.kind ? all.filter((f) => f.kind === options.kind) : all;
        printRows(findings, FINDING_COLUMNS, options, licenceFindingsJson(findings));
        log(
          `${findings.length} licence problem(s)${nodeId ? ` upstream of ${nodeId}` : ' in the graph'}`,
        );
      } finally {
        await graph.close();
      }
    });
}
