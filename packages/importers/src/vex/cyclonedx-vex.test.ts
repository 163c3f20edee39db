import { describe, expect, it } from 'vitest';
import { buildCycloneDxVex, validateCycloneDxVex } from './cyclonedx-vex';
import { DEFECT, inputOf, NODES, statement } from './sample-input';

interface Written {
  specVersion: string;
  components: { 'bom-ref': string; purl?: string; type: string; version?: string }[];
  vulnerabilities: {
    id: string;
    affects: { ref: string }[];
    analysis: { state: string; justification?: string; detail?: string };
    properties: { name: string; value: string }[];
  }[];
}

const input = inputOf([
  statement(NODES.base, 'NOT_AFFECTED', {
    justification: 'PROTECTED_BY_MITIGATING_CONTROL',
    note: 'the gateway strips role-play preambles',
  }),
  statement(NODES.tune, 'EXPLOITABLE', { by: 'bob' }),
  statement(NODES.product, 'IN_TRIAGE', {
    by: undefined,
    level: 'LIKELY',
    path: [NODES.base.id, NODES.tune.id, NODES.product.id],
  }),
]);

describe('a CycloneDX VEX of a product', () => {
  it('is valid CycloneDX 1.6, and 1.7 when asked', async () => {
    const json = buildCycloneDxVex(input);
    expect((JSON.parse(json) as Written).specVersion).toBe('1.6');
    expect(await validateCycloneDxVex(json)).toBeNull();
    const json17 = buildCycloneDxVex(input, { specVersion: '1.7' });
    expect((JSON.parse(json17) as Written).specVersion).toBe('1.7');
    expect(await validateCycloneDxVex(json17)).toBeNull();
  });

  it('lists each node once, by Lineage id and hub purl, with one analysis per statement', () => {
    const bom = JSON.parse(buildCycloneDxVex(input)) as Written;
    expect(bom.components.map((c) => [c['bom-ref'], c.type, c.purl, c.version])).toEqual([
      [NODES.product.id, 'application', undefined, undefined],
      [NODES.tune.id, 'machine-learning-model', 'pkg:huggingface/fixture-lab/chat-tune', '2'],
      [
        NODES.base.id,
        'machine-learning-model',
        'pkg:huggingface/meta-llama/Llama-3.1-8B',
        undefined,
      ],
    ]);
    const byNode = new Map(bom.vulnerabilities.map((v) => [v.affects[0]!.ref, v]));
    expect(byNode.get(NODES.base.id)!.id).toBe('AVID-2025-V001');
    expect(byNode.get(NODES.base.id)!.analysis).toEqual({
      state: 'not_affected',
      justification: 'protected_by_mitigating_control',
      detail: 'the gateway strips role-play preambles',
    });
    expect(byNode.get(NODES.tune.id)!.analysis).toEqual({ state: 'exploitable' });
    expect(byNode.get(NODES.tune.id)!.properties).toContainEqual({
      name: 'lineage:triaged-by',
      value: 'bob',
    });
  });

  it('marks an exposure nobody triaged, naming its level, and names no analyst for it', () => {
    const bom = JSON.parse(buildCycloneDxVex(input)) as Written;
    const untriaged = bom.vulnerabilities.find((v) => v.affects[0]!.ref === NODES.product.id)!;
    expect(untriaged.analysis.state).toBe('in_triage');
    expect(untriaged.analysis.detail).toBe(
      `Not yet triaged: Lineage exposure LIKELY through ${NODES.base.id} > ${NODES.tune.id} > ${NODES.product.id}`,
    );
    const names = untriaged.properties.map((p) => p.name);
    expect(names).toContain('lineage:untriaged');
    expect(names).not.toContain('lineage:triaged-by');
  });

  it('refuses statements no one could have recorded, naming each', () => {
    const write = (statements: Parameters<typeof inputOf>[0]) => () =>
      buildCycloneDxVex(inputOf(statements));
    expect(write([])).toThrow(/nothing to state/);
    expect(write([statement(NODES.base, 'NOT_AFFECTED', { by: undefined })])).toThrow(
      /statements\[0\]: NOT_AFFECTED with no analyst/,
    );
    expect(write([statement(NODES.base, 'EXPLOITABLE', { defectId: 'defect:other' })])).toThrow(
      /statements\[0\]: defect:other is not among the defects/,
    );
    expect(write([statement(NODES.base, 'IN_TRIAGE'), statement(NODES.base, 'RESOLVED')])).toThrow(
      `statements[1]: a second statement of ${DEFECT.id} at ${NODES.base.id}`,
    );
    expect(
      write([statement(NODES.base, 'EXPLOITABLE', { justification: 'CODE_NOT_PRESENT' })]),
    ).toThrow(/statements\[0\]: only NOT_AFFECTED takes a justification/);
    expect(write([statement(NODES.base, 'RESOLVED', { at: '2026-12-03' })])).toThrow(
      "statements[0]: at '2026-12-03' is not an ISO date-time",
    );
  });

  it('reports a schema problem with the path of the value', async () => {
    const bom = JSON.parse(buildCycloneDxVex(input)) as Written;
    bom.vulnerabilities[1]!.analysis.state = 'maybe';
    expect(await validateCycloneDxVex(JSON.stringify(bom))).toEqual([
      'vulnerabilities[1].analysis.state: must be one of resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected',
    ]);
    expect(await validateCycloneDxVex('{"bomFormat":"CycloneDX","specVersion":"1.3"}')).toEqual([
      'specVersion: "1.3" is not one of 1.4,1.5,1.6,1.7',
    ]);
  });
});
