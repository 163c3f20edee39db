import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphStore } from '@lineage/graph-store';
import { connectTestStore, testNeo4j } from '@lineage/graph-store/testing';
import { readSeed, validateBom, validateCycloneDxVex, validateOpenVex } from '@lineage/importers';
import { realData } from '@lineage/importers/testing';
import { ImpactService } from '@lineage/core';
import {
  atLeast,
  EXPOSURE_LEVELS,
  levelRank,
  SEVERITIES,
  severityRank,
  type ExposureLevel,
} from '@lineage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@lineage/core';
import { childEnvironment } from './env';
import { sarifSchemaErrors } from './testing/sarif-schema';

const bin = fileURLToPath(new URL('../bin/lineage.mjs', import.meta.url));
const seedDir = fileURLToPath(new URL('../../../seed', import.meta.url));

let store: GraphStore;
let scratch: string;
beforeAll(async () => {
  store = await connectTestStore();
  await seedDatabase(store, seedDir);
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-cli-'));
});
afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

/** The real command, in a process of its own, on the run's Neo4j. */
function lineage(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { uri, user, password } = testNeo4j();
    const env = childEnvironment({
      NEO4J_URI: uri,
      ...(user ? { NEO4J_USER: user } : {}),
      ...(password ? { NEO4J_PASSWORD: password } : {}),
    });
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the lineage command', () => {
  it('lists its commands, each with its own help', async () => {
    const help = await lineage('--help');
    for (const command of [
      'start',
      'seed',
      'import',
      'export',
      'impact',
      'what-if',
      'exposure',
      'bom',
      'check',
      'generate',
    ]) {
      expect(help.stdout).toContain(command);
    }
    const checkHelp = await lineage('check', '--help');
    expect(checkHelp.stdout).toMatch(/--fail-on <severity>/);
    expect(checkHelp.code).toBe(0);
  });

  it('fails a CI check when a severe defect reaches the deployment, listing it', async () => {
    const result = await lineage(
      'check',
      'deployment:amazon/bedrock',
      '--fail-on',
      'HIGH',
      '--min-level',
      'LIKELY',
      '--json',
    );
    expect(result.code).toBe(1);
    const failing = JSON.parse(result.stdout) as { defectId: string; severity: string }[];
    expect(failing.map((f) => f.defectId)).toContain('defect:FMD-2026-0006');
    expect(failing.every((f) => ['HIGH', 'CRITICAL'].includes(f.severity))).toBe(true);
    expect(result.stderr).toMatch(/check failed/);
  });

  it('prints the failing check as a SARIF 2.1.0 log for code scanning', async () => {
    const args = ['check', 'deployment:amazon/bedrock', '--fail-on', 'HIGH'];
    const listed = JSON.parse((await lineage(...args, '--json')).stdout) as { defectId: string }[];
    const result = await lineage(...args, '--sarif', '--sarif-file', 'infra/bedrock.yaml');
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as {
      runs: {
        automationDetails: { id: string };
        results: {
          ruleId: string;
          level: string;
          properties: { defectId: string };
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(sarifSchemaErrors(log)).toEqual([]);
    const [run] = log.runs;
    expect(run!.automationDetails.id).toBe('deployment:amazon/bedrock/');
    expect(run!.results.map((r) => r.properties.defectId).sort()).toEqual(
      listed.map((f) => f.defectId).sort(),
    );
    expect(run!.results.every((r) => r.ruleId === 'defect-reaches-deployment')).toBe(true);
    expect(run!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'infra/bedrock.yaml',
    );
  });

  it('lists licence problems, and fails a check on them only under --licences fail', async () => {
    const r1 = 'model:deepseek-ai/DeepSeek-R1-Distill-Llama-70B';
    const listed = await lineage('licences', r1, '--kind', 'drops', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      {
        node: r1,
        kind: 'DROPS',
        ancestor: { id: 'llama3.3' },
        declared: { id: 'mit' },
        path: ['model:meta-llama/Llama-3.3-70B-Instruct', r1],
        acknowledged: true,
      },
    ]);
    const whole = await lineage('licences', '--csv');
    expect(whole.stdout.split(/\r?\n/)[0]).toBe(
      'kind,node,declared,inherited,from,level,reason,path',
    );
    expect(whole.stdout).toContain('model:deepseek-ai/DeepSeek-R1-Distill-Llama-8B');
    expect((await lineage('licences', '--kind', 'nonsense')).stderr).toMatch(/DROPS, CONFLICTS/);

    // Groq deploys the 70B distill: its supply chain carries the distill's licence problem.
    const check = (...more: string[]) =>
      lineage('check', 'deployment:groq/groqcloud', '--fail-on', 'CRITICAL', ...more);
    const off = await check('--json');
    const warned = await check('--licences', 'warn', '--json');
    expect(warned.code).toBe(off.code);
    expect(warned.stderr).toMatch(/licence problem\(s\) in the supply chain .*\(warnings\)/);
    const failed = await check('--licences', 'fail', '--json');
    expect(failed.code).toBe(1);
    const result = JSON.parse(failed.stdout) as {
      defects: unknown[];
      licences: { node: string }[];
    };
    expect(result.licences.map((f) => f.node)).toContain(r1);
    expect(result.defects).toEqual(JSON.parse(off.stdout));
    const sarif = JSON.parse((await check('--licences', 'fail', '--sarif')).stdout) as {
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]!.results).toContainEqual(
      expect.objectContaining({ ruleId: 'licence-drops-terms', level: 'error' }),
    );
    const refused = await check('--licences', 'warn', '--csv');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--csv prints one table/);
  });

  it('writes VEX documents of a defect and of a product, valid against their schemas', async () => {
    const openvex = await lineage('vex', 'defect:FMD-2026-0006', '--format', 'openvex');
    expect(openvex.code).toBe(0);
    expect(validateOpenVex(openvex.stdout)).toBeNull();
    expect(openvex.stderr).toMatch(/\d+ statement\(s\) about defect:FMD-2026-0006/);
    const out = path.join(scratch, 'bedrock.vex.json');
    const cyclonedx = await lineage('vex', 'deployment:amazon/bedrock', '--out', out);
    expect(cyclonedx.code).toBe(0);
    expect(await validateCycloneDxVex(await readFile(out, 'utf8'))).toBeNull();
    const unknown = await lineage('vex', 'deployment:no/such-product');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/deployment:no\/such-product.*\[NOT_FOUND\]/);
  });

  it('passes a check when nothing that severe reaches the deployment', async () => {
    // A seeded deployment that defects do reach, with a threshold just above their severity
    // and a failing case just at it: a check that ignored --fail-on (the default is HIGH)
    // fails one of the two. Exposure comes from the service, the verdict from the command.
    const impact = new ImpactService(store);
    const deployments = (await readSeed(seedDir)).batch.nodes
      .filter((n) => n.kind === 'Deployment')
      .map((n) => n.id);
    const levels = EXPOSURE_LEVELS.filter((l) => l !== 'NONE');
    let found;
    for (const deployment of deployments) {
      const rows = (await impact.exposure(deployment)).rows.filter((r) => !r.row.mitigated);
      for (const severity of SEVERITIES.slice(1))
        for (const level of levels) {
          const reaching = rows.filter((r) => atLeast(r.row.level, level));
          const rank = severityRank(severity);
          const below = reaching.filter((r) => severityRank(r.severity) === rank - 1);
          if (below.length && !reaching.some((r) => severityRank(r.severity) >= rank))
            found ??= { deployment, severity, level, below: below.map((r) => r.defectId) };
        }
    }
    expect(found, 'no seeded deployment has defects below some threshold').toBeDefined();
    const { deployment, severity, level, below } = found!;
    const check = (failOn: string, ...more: string[]) =>
      lineage('check', deployment, '--fail-on', failOn, '--min-level', level, ...more);

    const passed = await check(severity);
    expect(passed.stderr).toMatch(/check passed/);
    expect(passed.code).toBe(0);
    const failed = await check(SEVERITIES[severityRank(severity) - 1]!, '--json');
    expect(failed.code).toBe(1);
    expect(
      (JSON.parse(failed.stdout) as { defectId: string }[]).map((f) => f.defectId).sort(),
    ).toEqual(below.sort());
  });

  it('passes a check when the defects reach the deployment only below --min-level', async () => {
    const rows = JSON.parse(
      (await lineage('exposure', 'deployment:amazon/bedrock', '--json')).stdout,
    ) as { row: { level: ExposureLevel; mitigated: boolean } }[];
    const reached = rows.filter((r) => !r.row.mitigated).map((r) => levelRank(r.row.level));
    const highest = EXPOSURE_LEVELS[Math.max(...reached)]!;
    const above = EXPOSURE_LEVELS[levelRank(highest) + 1]!;
    const at = (level: string) =>
      lineage('check', 'deployment:amazon/bedrock', '--fail-on', 'LOW', '--min-level', level);
    const passed = await at(above);
    expect(passed.stderr).toMatch(/check passed/);
    expect(passed.code).toBe(0);
    expect((await at(highest)).code).toBe(1);
  });

  it('prints an impact as a table, CSV or JSON', async () => {
    const table = await lineage('impact', 'defect:FMD-2026-0008', '--kinds', 'Deployment');
    expect(table.stdout.split('\n')[0]).toMatch(/^level\s+distance\s+kind\s+id\s+path/);
    expect(table.stdout).toContain('deployment:cloudflare/workers-ai');
    const csv = await lineage('impact', 'defect:FMD-2026-0008', '--csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('level,distance,kind,id,path');
    const json = JSON.parse((await lineage('impact', 'defect:FMD-2026-0008', '--json')).stdout);
    expect(json.mitigated.map((m: { id: string }) => m.id)).toContain(
      'model:perplexity-ai/r1-1776',
    );
  });

  const jbb = realData('jailbreakbench', "the CLI's JailbreakBench import test");
  it.skipIf(!jbb)(
    "links JailbreakBench's methods to the seed's curated defects instead of filing them twice",
    async () => {
      const result = await lineage('import', jbb!, '--json');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.format).toBe('jailbreakbench');
      expect(report.linked).toBe(5);
      expect(report.nodes.created).toBe(0);
      // The seed's twelve AFFECTS edges gain JailbreakBench as a source; a second import changes nothing.
      expect(report.relationships).toMatchObject({ created: 0, updated: 12 });
      const again = JSON.parse((await lineage('import', jbb!, '--json')).stdout);
      expect(again.changed).toBe(false);
      expect(report.remarks.join('\n')).toMatch(/PAIR on llama-2-7b-chat-hf at 0%, under 30%/);
    },
  );

  it('writes a valid CycloneDX BOM of a deployment', async () => {
    const file = path.join(scratch, 'bom.json');
    const result = await lineage('bom', 'deployment:perplexity-ai/perplexity', '--out', file);
    expect(result.code).toBe(0);
    expect(await validateBom(await readFile(file, 'utf8'))).toBeNull();
  });

  it('generates the same synthetic graph for the same seed', async () => {
    const digest = async (seed: string) => {
      const file = path.join(scratch, `gen-${seed}-${Math.random()}.jsonl`);
      expect(
        (await lineage('generate', '--nodes', '500', '--seed', seed, '--out', file)).code,
      ).toBe(0);
      return createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
    };
    expect(await digest('5')).toBe(await digest('5'));
    expect(await digest('5')).not.toBe(await digest('6'));
  });

  it('says what is wrong on stderr with a non-zero exit', async () => {
    const unknown = await lineage('impact', 'defect:NOT-THERE');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/defect 'defect:NOT-THERE' does not exist \[NOT_FOUND\]/);
    const badOption = await lineage(
      'check',
      'deployment:amazon/bedrock',
      '--fail-on',
      'APOCALYPTIC',
    );
    expect(badOption.code).not.toBe(0);
    expect(badOption.stderr).toMatch(/APOCALYPTIC/);
    const badFile = await lineage(
      'import',
      path.join(scratch, 'missing.yaml'),
      '--format',
      'ecosystem-graphs',
    );
    expect(badFile.code).toBe(1);
    expect(badFile.stderr).toMatch(/missing\.yaml/);
  });

  it('refuses a numeric option that is not a whole number in range, naming it', async () => {
    for (const args of [
      ['impact', 'defect:FMD-2026-0008', '--max-depth', 'abc'],
      ['impact', 'defect:FMD-2026-0008', '--max-depth', '-1'],
      ['what-if', 'model:openai/gpt-3.5-turbo', '--category', 'JAILBREAK', '--max-depth', '2.5'],
      ['impact', 'defect:FMD-2026-0008', '--max-depth', '101'],
      ['generate', '--nodes', '1e3'],
      ['generate', '--nodes', '10', '--seed', '0'],
    ]) {
      const result = await lineage(...args);
      const option = args.at(-2)!;
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr).toContain(`${option} takes a whole number from`);
      expect(result.stderr).toContain(`'${args.at(-1)}'`);
      expect(result.stdout).toBe('');
    }
  });
});
