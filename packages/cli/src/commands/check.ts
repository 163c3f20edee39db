import {
  atLeast,
  EXPOSURE_LEVELS,
  severityRank,
  SEVERITIES,
  type ExposureLevel,
  type Severity,
} from '@lineage/domain';
import { Option, type Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson, printRows, type FormatOptions } from '../output';
import { DEFAULT_ARTIFACT_URI, toSarif } from '../sarif';
import { defectFinding, DEFECT_RULE } from './check-findings';
import { asOfOption, disclosedOnlyOption } from './time-options';

/**
 * For CI pipelines: exit 1 when a defect at or above a severity reaches the deployment at or
 * above an exposure level (mitigated ones never fail a check), listing them.
 */
export function registerCheck(program: Command, env: () => CliEnv) {
  program
    .command('check')
    .description(
      'exit 1 when a defect at or above --fail-on reaches the deployment at --min-level or more',
    )
    .argument('<deployment>', 'a deployment id')
    .addOption(
      new Option('--fail-on <severity>', 'the lowest severity that fails')
        .choices(SEVERITIES)
        .default('HIGH'),
    )
    .addOption(
      new Option('--min-level <level>', 'the lowest exposure level that counts')
        .choices(EXPOSURE_LEVELS.filter((l) => l !== 'NONE'))
        .default('LIKELY'),
    )
    .addOption(asOfOption())
    .addOption(disclosedOnlyOption())
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--sarif', 'print a SARIF 2.1.0 log (for code scanning in CI)')
    .option(
      '--sarif-file <path>',
      'with --sarif: the file, relative to the repository, each result is pinned to (keep it stable)',
      DEFAULT_ARTIFACT_URI,
    )
    .action(
      async (
        deployment: string,
        options: FormatOptions & {
          failOn: Severity;
          minLevel: ExposureLevel;
          asOf?: string;
          disclosedOnly?: boolean;
          sarif?: boolean;
          sarifFile: string;
        },
      ) => {
        const graph = await openGraph(env(), { reuseRunning: true, log });
        let failing;
        let day;
        try {
          const { rows, asOf } = await graph.services.impact.exposure(deployment, {
            asOf: options.asOf,
            disclosedOnly: options.disclosedOnly,
          });
          day = asOf.date;
          failing = rows.filter(
            (r) =>
              !r.row.mitigated &&
              severityRank(r.severity) >= severityRank(options.failOn) &&
              atLeast(r.row.level, options.minLevel),
          );
          if (options.sarif)
            printJson(
              toSarif(
                failing.map((r) => defectFinding(deployment, r, asOf.date)),
                [DEFECT_RULE],
                { name: 'Lineage' },
                { artifactUri: options.sarifFile, category: deployment },
              ),
            );
          else
            printRows(
              failing,
              [
                { header: 'defect', value: (r) => r.defectId },
                { header: 'severity', value: (r) => r.severity },
                { header: 'level', value: (r) => r.row.level },
                { header: 'path', value: (r) => r.row.path.join(' > ') },
              ],
              options,
            );
        } finally {
          await graph.close();
        }
        if (failing.length) {
          log(
            `check failed: ${failing.length} defect(s) at ${options.failOn} or above reach ${deployment} at ${options.minLevel} or above as of ${day}`,
          );
          process.exitCode = 1;
        } else
          log(
            `check passed: no defect at ${options.failOn} or above reaches ${deployment} at ${options.minLevel} or above as of ${day}`,
          );
      },
    );
}
