import { storedEntitySchema, type Entity } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { buildBom, validateBom, type BomVulnerability } from './export-bom';

const entity = (draft: Record<string, unknown>) => storedEntitySchema.parse(draft) as Entity;
const deployment = entity({ kind: 'Deployment', id: 'deployment:co/app', name: 'App' });
const model = entity({ kind: 'BaseModel', id: 'model:lab/base', name: 'Base' });
const defect = (id: string) =>
  entity({
    kind: 'Defect',
    id: `defect:${id}`,
    name: id,
    category: 'JAILBREAK',
    severity: 'HIGH',
  }) as BomVulnerability['defect'];

function bomOf(vulnerabilities: BomVulnerability[]) {
  return buildBom({
    deployment,
    nodes: [deployment, model],
    edges: [{ from: deployment.id, to: model.id, type: 'DEPLOYS', declared: true }],
    vulnerabilities,
  });
}

const path = [model.id, deployment.id];

describe('the CycloneDX analysis of each defect reaching a deployment', () => {
  it("states the deployment's recorded triage, valid against CycloneDX 1.6", async () => {
    const json = bomOf([
      {
        defect: defect('A'),
        level: 'CERTAIN',
        path,
        mitigated: true,
        triage: {
          state: 'NOT_AFFECTED',
          justification: 'CODE_NOT_REACHABLE',
          note: 'the role-play prompts never reach the model',
          by: 'alice',
          at: '2026-12-03T10:00:00.000Z',
        },
      },
      {
        defect: defect('B'),
        level: 'LIKELY',
        path,
        mitigated: false,
        triage: { state: 'EXPLOITABLE', by: 'bob', at: '2026-12-02T09:00:00.000Z' },
      },
      { defect: defect('C'), level: 'CERTAIN', path, mitigated: false },
      { defect: defect('D'), level: 'LIKELY', path, mitigated: false },
    ]);
    expect(await validateBom(json)).toBeNull();
    const analyses = Object.fromEntries(
      (
        JSON.parse(json) as {
          vulnerabilities: {
            id: string;
            analysis: object;
            properties?: { name: string; value: string }[];
          }[];
        }
      ).vulnerabilities.map((v) => [v.id, { ...v.analysis, props: v.properties }]),
    );
    expect(analyses.A).toMatchObject({
      state: 'not_affected',
      justification: 'code_not_reachable',
      detail: 'the role-play prompts never reach the model',
      props: expect.arrayContaining([
        { name: 'lineage:triaged-by', value: 'alice' },
        { name: 'lineage:triaged-at', value: '2026-12-03T10:00:00.000Z' },
      ]),
    });
    expect(analyses.B).toMatchObject({
      state: 'exploitable',
      detail: 'Triaged EXPLOITABLE by bob on 2026-12-02',
    });
    expect(analyses.B).not.toHaveProperty('justification');
    // Untriaged: derived from the level, as before triage existed.
    expect(analyses.C).toMatchObject({ state: 'exploitable' });
    expect(analyses.D).toMatchObject({ state: 'in_triage' });
  });
});
