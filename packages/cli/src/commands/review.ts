import type { Command } from 'commander';
import { checkBy } from '../by-option';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson, type FormatOptions } from '../output';
import { printDecisions, printProposals } from './review-output';
import { readPlanFile } from './review-plan-file';

interface DecisionOptions {
  name: string;
  owner?: string;
  id: string;
  note?: string;
  by: string;
  json?: boolean;
}

/**
 * The review loop's commands: the names a plan could not tie still undecided, and a person's
 * answers, stored, audited (by `--by`, else `cli`) and honoured by every later import.
 */
export function registerReview(program: Command, env: () => CliEnv) {
  const review = program
    .command('review')
    .description(
      'accept or reject the matches an import proposes; every later import honours them',
    );

  review
    .command('list')
    .description('the stored decisions, or with --plan the proposals of a plan still undecided')
    .option('--plan <file>', 'a plan written by lineage import --plan')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action(async (options: FormatOptions & { plan?: string }) => {
      const plan = options.plan === undefined ? undefined : await readPlanFile(options.plan);
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        if (options.plan !== undefined)
          printProposals(await graph.services.review.undecided(plan, options.plan), options);
        else printDecisions(await graph.services.review.all(), options);
      } finally {
        await graph.close();
      }
    });

  for (const verdict of ['accept', 'reject'] as const) {
    review
      .command(verdict)
      .description(
        verdict === 'accept'
          ? 'the name (from this owner) is this node: later imports join it'
          : 'the name (from this owner) is not this node: later imports never join them',
      )
      .requiredOption('--name <name>', 'the name as the source writes it')
      .option('--owner <owner>', 'the owner the source states with it (left out: none)')
      .requiredOption('--id <id>', 'the stored node')
      .option('--note <text>', 'why, for the next reviewer')
      .option('--by <name>', 'who decides, for the audit trail', 'cli')
      .option('--json', 'print the stored decision as JSON')
      .action(async (options: DecisionOptions) => {
        checkBy(options.by);
        const graph = await openGraph(env(), { reuseRunning: true, log });
        try {
          const { name, owner, id, note, by } = options;
          const report = await graph.services.review.decide({ name, owner, id, note, verdict }, by);
          if (options.json) return printJson(report);
          process.stdout.write(
            `${report.changed ? 'stored' : 'already stored, unchanged'}: ${verdict} '${name}'${owner ? ` of '${owner}'` : ''} as ${id} (graph version ${report.graphVersion})\n`,
          );
        } finally {
          await graph.close();
        }
      });
  }

  review
    .command('remove')
    .description(
      'forget the decision for a name and owner: later imports match it by the rules again',
    )
    .requiredOption('--name <name>', 'the name as decided')
    .option('--owner <owner>', 'the owner as decided (left out: none)')
    .option('--by <name>', 'who removes it, for the audit trail', 'cli')
    .action(async (options: { name: string; owner?: string; by: string }) => {
      checkBy(options.by);
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { graphVersion } = await graph.services.review.remove(options, options.by);
        process.stdout.write(
          `removed the decision on '${options.name}'${options.owner ? ` of '${options.owner}'` : ''} (graph version ${graphVersion})\n`,
        );
      } finally {
        await graph.close();
      }
    });
}
