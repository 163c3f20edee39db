import { storedEntitySchema, type Entity } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { buildBom, type BomVulnerability } from '../cyclonedx/export-bom';
import { buildCycloneDxVex } from './cyclonedx-vex';
import { isVexDocument } from './detect-vex';
import { buildOpenVex } from './openvex';
import { inputOf, NODES, statement } from './sample-input';

const input = inputOf([
  statement(NODES.base, 'EXPLOITABLE'),
  statement(NODES.product, 'IN_TRIAGE', { by: undefined, level: 'LIKELY' }),
]);

const entity = (draft: Record<string, unknown>) => storedEntitySchema.parse(draft) as Entity;

/** Lineage's BOM of a deployment: its lineage, and the defects reaching it with analyses. */
function bomOfDeployment(): string {
  const deployment = entity({ kind: 'Deployment', id: NODES.product.id, name: 'Bedrock' });
  const model = entity({ kind: 'BaseModel', id: NODES.base.id, name: 'Llama' });
  const defect = entity({
    kind: 'Defect',
    id: 'defect:A',
    name: 'A',
    category: 'JAILBREAK',
    severity: 'HIGH',
  }) as BomVulnerability['defect'];
  return buildBom({
    deployment,
    nodes: [deployment, model],
    edges: [{ from: deployment.id, to: model.id, type: 'DEPLOYS', declared: true }],
    vulnerabilities: [
      { defect, level: 'CERTAIN', path: [model.id, deployment.id], mitigated: false },
    ],
  });
}

describe('telling a VEX document from other JSON', () => {
  it('knows both formats Lineage writes', () => {
    expect(isVexDocument(buildCycloneDxVex(input))).toBe(true);
    expect(isVexDocument(buildOpenVex(input))).toBe(true);
  });

  it('knows an OpenVEX of another version by its context, to refuse it by name later', () => {
    expect(isVexDocument('{"@context": "https://openvex.dev/ns/v0.0.1", "statements": []}')).toBe(
      true,
    );
  });

  it('does not take a BOM listing parts no analysis is about for a VEX', () => {
    expect(isVexDocument(bomOfDeployment())).toBe(false);
    const bom = JSON.parse(buildCycloneDxVex(input)) as {
      vulnerabilities: { analysis?: unknown }[];
    };
    delete bom.vulnerabilities[0]!.analysis;
    expect(isVexDocument(JSON.stringify(bom))).toBe(false);
  });

  it('says no to other JSON and to text that is not JSON, without throwing', () => {
    expect(isVexDocument('{"bomFormat": "CycloneDX", "vulnerabilities": []}')).toBe(false);
    expect(isVexDocument('{"format": "lineage-backup"}')).toBe(false);
    expect(isVexDocument('{"@context": "https://openvex.dev/ns/v0.2.0", ')).toBe(false);
    expect(isVexDocument('method,model,attack_type')).toBe(false);
  });
});
