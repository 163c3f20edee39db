import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ARTIFACT_URI,
  FINGERPRINT_KEY,
  SARIF_SCHEMA_URI,
  toSarif,
  type CheckFinding,
  type CheckRule,
  type SarifOptions,
} from './sarif';
import { sarifSchemaErrors as schemaErrors } from './testing/sarif-schema';

const tool = { name: 'lineage', version: '0.1.0', informationUri: 'https://example.org/lineage' };
const rules: CheckRule[] = [
  {
    id: 'defect-reaches-deployment',
    name: 'DefectReachesDeployment',
    shortDescription: 'A defect at or above the failing severity reaches the deployment.',
    helpUri: 'https://example.org/lineage/rules/defect-reaches-deployment',
  },
  {
    id: 'licence-drops-terms',
    name: 'LicenceDropsTerms',
    shortDescription: 'A derivative drops terms of an ancestor licence.',
  },
];
const bedrock = 'deployment:aws/bedrock';
const jailbreak: CheckFinding = {
  ruleId: 'defect-reaches-deployment',
  level: 'error',
  message: 'defect:FMD-2026-0006 (CRITICAL) reaches deployment:aws/bedrock at CERTAIN.',
  subjectId: bedrock,
  path: ['model:meta-llama/Llama-2-7b', 'model:x/y', bedrock],
  properties: { defectId: 'defect:FMD-2026-0006', severity: 'CRITICAL', level: 'CERTAIN' },
  helpUri: 'https://example.org/advisories/FMD-2026-0006',
};
const leak: CheckFinding = {
  ...jailbreak,
  level: 'warning',
  message: 'defect:AVID-2026-R0064 (HIGH) reaches deployment:aws/bedrock at LIKELY.',
  properties: {
    defectId: 'defect:AVID-2026-R0064',
    severity: 'HIGH',
    distance: 2,
    mitigated: false,
  },
  helpUri: undefined,
};
const licence: CheckFinding = {
  ruleId: 'licence-drops-terms',
  level: 'note',
  message: 'model:x/y drops the use restrictions of the Llama 2 licence.',
  subjectId: bedrock,
  path: ['model:meta-llama/Llama-2-7b', 'model:x/y'],
};

const sarif = (findings: CheckFinding[], options: SarifOptions = {}) =>
  toSarif(findings, rules, tool, options);
const firstRun = (findings: CheckFinding[], options: SarifOptions = {}) =>
  sarif(findings, options).runs[0]!;
const onlyResult = (finding: CheckFinding) => firstRun([finding]).results[0]!;

describe('toSarif', () => {
  it('writes a log with two rules and three findings that the SARIF 2.1.0 schema accepts', () => {
    const log = sarif([jailbreak, leak, licence], { category: bedrock });
    expect(schemaErrors(log)).toEqual([]);
    expect(log).toMatchObject({ $schema: SARIF_SCHEMA_URI, version: '2.1.0' });
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.ruleIndex])).toEqual([
      ['defect-reaches-deployment', 0],
      ['defect-reaches-deployment', 0],
      ['licence-drops-terms', 1],
    ]);
  });

  it('validates against a schema that rejects a result without a message', () => {
    const log = sarif([licence]);
    const { message: _message, ...unsaid } = log.runs[0]!.results[0]!;
    const broken = { ...log, runs: [{ ...log.runs[0]!, results: [unsaid] }] };
    expect(schemaErrors(broken)).toContain(
      "/runs/0/results/0 must have required property 'message'",
    );
  });

  it('writes a passing check as a valid run with an empty results array', () => {
    const log = sarif([]);
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('carries the level, message, properties and help link of each finding to its result', () => {
    const results = firstRun([jailbreak, leak, licence]).results;
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(results[0]!.message).toEqual({ text: jailbreak.message });
    expect(results[0]!.properties).toEqual({
      defectId: 'defect:FMD-2026-0006',
      severity: 'CRITICAL',
      level: 'CERTAIN',
      helpUri: 'https://example.org/advisories/FMD-2026-0006',
    });
    expect(results[1]!.properties).toEqual(leak.properties);
    expect(results[2]).not.toHaveProperty('properties');
  });

  it('pins each result to the artifact, with its subject as a logical location', () => {
    expect(onlyResult(licence).locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: DEFAULT_ARTIFACT_URI },
          region: { startLine: 1 },
        },
        logicalLocations: [
          { name: 'aws/bedrock', fullyQualifiedName: bedrock, kind: 'deployment' },
        ],
      },
    ]);
    const declared = firstRun([licence], { artifactUri: 'infra/bedrock.tf' }).results[0]!;
    expect(declared.locations[0]!.physicalLocation.artifactLocation.uri).toBe('infra/bedrock.tf');
  });

  it('keeps a fingerprint across runs and changes of severity, level, date and route', () => {
    const later = {
      ...jailbreak,
      message: 'Reworded.',
      path: ['model:meta-llama/Llama-2-7b', 'model:z/w', bedrock],
      properties: { defectId: 'defect:FMD-2026-0006', severity: 'HIGH', asOf: '2026-05-01' },
    };
    const print = (f: CheckFinding) => onlyResult(f).partialFingerprints[FINGERPRINT_KEY];
    expect(print(jailbreak)).toMatch(/^[0-9a-f]{64}$/);
    expect(print(jailbreak)).toBe(print(jailbreak));
    expect(print(later)).toBe(print(jailbreak));
  });

  it('gives findings about different defects, rules, subjects or origins different fingerprints', () => {
    const elsewhere = { ...jailbreak, subjectId: 'deployment:azure/foundry' };
    const otherOrigin = { ...licence, path: ['model:mistralai/Mistral-7B', 'model:x/y'] };
    const prints = [jailbreak, leak, licence, elsewhere, otherOrigin].map(
      (f) => onlyResult(f).partialFingerprints[FINGERPRINT_KEY],
    );
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('turns the lineage path into one thread flow, ancestor first', () => {
    const [flow, ...more] = onlyResult(jailbreak).codeFlows!;
    expect(more).toEqual([]);
    const steps = flow!.threadFlows[0]!.locations.map((step) => step.location);
    expect(steps.map((l) => l.message.text)).toEqual(jailbreak.path);
    expect(steps.map((l) => l.logicalLocations[0]!.kind)).toEqual(['model', 'model', 'deployment']);
    expect(
      steps.every((l) => l.physicalLocation.artifactLocation.uri === DEFAULT_ARTIFACT_URI),
    ).toBe(true);
    expect(onlyResult({ ...licence, path: [] })).not.toHaveProperty('codeFlows');
  });

  it('names the analysis by category only when given one', () => {
    expect(firstRun([], { category: bedrock }).automationDetails).toEqual({ id: `${bedrock}/` });
    expect(firstRun([])).not.toHaveProperty('automationDetails');
  });

  it('refuses a finding whose rule the log does not describe', () => {
    expect(() => sarif([{ ...licence, ruleId: 'unknown-rule' }])).toThrow("no rule 'unknown-rule'");
  });
});
