import type { ExposureRow, LicenceFinding } from '@lineage/core';
import {
  atLeast,
  EXPOSURE_LEVELS,
  severityRank,
  SEVERITIES,
  type Column,
  type ExposureLevel,
  type Severity,
  validationError,
} from '@lineage/domain';
import { Option, type Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson, printRows, type FormatOptions } from '../output';
import { DEFAULT_ARTIFACT_URI, toSarif } from '../sarif';
import { defectFinding, DEFECT_RULE, licenceFinding, LICENCE_RULES } from './check-findings';
import { FINDING_COLUMNS, licenceFindingsJson } from './licences';
import { asOfOption, disclosedOnlyOption } from './time-options';

const LICENCE_POLICIES = ['off', 'warn', 'fail'] as const;
type LicencePolicy = (typeof LICENCE_POLICIES)[number];

interface CheckOptions extends FormatOptions {
  failOn: Severity;
  minLevel: ExposureLevel;
  asOf?: string;
  disclosedOnly?: boolean;
  licences: LicencePolicy;
  sarif?: boolean;
  sarifFile: string;
}

const DEFECT_COLUMNS: Column<ExposureRow>[] = [
  { header: 'defect', value: (r) => r.defectId },
  { header: 'severity', value: (r) => r.severity },
  { header: 'level', value: (r) => r.row.level },
  { header: 'path', value: (r) => r.row.path.join(' > ') },
];

/**
 * For CI pipelines: exit 1 when a defect at or above a severity reaches the deployment at or
 * above an exposure level (mitigated ones never fail a check), listing them; with a licence
 * policy, also when a derivative in its supply chain drops or conflicts with inherited terms.
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
    .addOption(
      new Option(
        '--licences <policy>',
        "licence problems in the deployment's supply chain: off, warn (listed) or fail (listed, exit 1)",
      )
        .choices(LICENCE_POLICIES)
        .default('off'),
    )
    .addOption(asOfOption())
    .addOption(disclosedOnlyOption())
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (the defects only; not with --licences)')
    .option('--sarif', 'print a SARIF 2.1.0 log (for code scanning in CI)')
    .option(
      '--sarif-file <path>',
      'with --sarif: the file, relative to the repository, each result is pinned to (keep it stable)',
      DEFAULT_ARTIFACT_URI,
    )
    .action(async (deployment: string, options: CheckOptions) => {
      if (options.csv && options.licences !== 'off')
        throw validationError(
          '--csv prints one table: use --json, --sarif or the table with --licences',
        );
      const graph = await openGraph(env(), { reuseRunning: true, log });
      let failing: ExposureRow[];
      let licences: LicenceFinding[] = [];
      let day: string;
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
        if (options.licences !== 'off')
          licences = (await graph.services.licences.forNode(deployment)).upstream;
      } finally {
        await graph.close();
      }
      printResults(deployment, failing, licences, { ...options, day });
      const licencesFail = options.licences === 'fail' && licences.length > 0;
      if (licences.length)
        log(
          `${licences.length} licence problem(s) in the supply chain of ${deployment}${licencesFail ? '' : ' (warnings)'}`,
        );
      if (failing.length || licencesFail) {
        log(
          failing.length
            ? `check failed: ${failing.length} defect(s) at ${options.failOn} or above reach ${deployment} at ${options.minLevel} or above as of ${day}`
            : `check failed: licence problems in the supply chain of ${deployment}`,
        );
        process.exitCode = 1;
      } else
        log(
          `check passed: no defect at ${options.failOn} or above reaches ${deployment} at ${options.minLevel} or above as of ${day}`,
        );
    });
}

function printResults(
  deployment: string,
  failing: ExposureRow[],
  licences: LicenceFinding[],
  options: CheckOptions & { day: string },
) {
  const withLicences = options.licences !== 'off';
  if (options.sarif) {
    const level = options.licences === 'fail' ? 'error' : 'warning';
    return printJson(
      toSarif(
        [
          ...failing.map((r) => defectFinding(deployment, r, options.day)),
          ...licences.map((f) => licenceFinding(f, level)),
        ],
        withLicences ? [DEFECT_RULE, ...LICENCE_RULES] : [DEFECT_RULE],
        { name: 'Lineage' },
        { artifactUri: options.sarifFile, category: deployment },
      ),
    );
  }
  // The JSON keeps its shape (the failing defects) unless licences are asked for too.
  if (options.json && withLicences)
    return printJson({
      defects: failing,
      licences: licenceFindingsJson(licences),
    });
  printRows(failing, DEFECT_COLUMNS, options);
  if (withLicences && !options.json) {
    process.stdout.write('\nLicence problems upstream\n');
    printRows(licences, FINDING_COLUMNS, options);
  }
}
