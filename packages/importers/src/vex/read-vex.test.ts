import { TRIAGE_JUSTIFICATIONS } from '@lineage/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCycloneDxVex } from './cyclonedx-vex';
import { buildOpenVex } from './openvex';
import { isVexDocument } from './detect-vex';
import { readVex } from './read-vex';
import {
  analysisOf,
  byPair,
  DEFECT,
  inputArb,
  inputOf,
  NODES,
  statement,
  type InputStatement,
} from './sample-input';
import type { VexInput } from './vex-input';

const BUILDERS = {
  cyclonedx: (input: VexInput) => buildCycloneDxVex(input),
  openvex: buildOpenVex,
} as const;

const triagedOf = (input: VexInput) =>
  input.statements
    .filter((s) => s.by !== undefined)
    .map(analysisOf)
    .sort(byPair);

/** Every state, and NOT_AFFECTED with each justification, each at a node of its own. */
const everyAnalysis: InputStatement[] = [
  statement(NODES.base, 'IN_TRIAGE', { note: 'reproducing' }),
  statement(NODES.tune, 'EXPLOITABLE', { note: 'roll back to v1' }),
  statement(NODES.data, 'RESOLVED'),
  statement(NODES.corpus, 'FALSE_POSITIVE', { by: 'bob' }),
  statement(NODES.product, 'EXPLOITABLE'),
  ...TRIAGE_JUSTIFICATIONS.map((justification, i) =>
    statement(
      { id: `deployment:fixture/app-${i}`, name: `App ${i}`, kind: 'Deployment' },
      'NOT_AFFECTED',
      { justification, ...(i % 2 ? { note: `why ${i}` } : {}) },
    ),
  ),
];

describe.each(Object.entries(BUILDERS))('reading back a %s VEX Lineage wrote', (format, build) => {
  it('gives back every state and every justification as written', async () => {
    const input = inputOf(everyAnalysis);
    const read = await readVex(build(input));
    expect(read.format).toBe(format);
    expect(read.analyses.sort(byPair)).toEqual(triagedOf(input));
  });

  it('gives back the analyses of any input, and none of the untriaged', async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, async (input) => {
        const read = await readVex(build(input));
        expect(read.analyses.sort(byPair)).toEqual(triagedOf(input));
      }),
      { numRuns: 60 },
    );
  });

  it('does not read an exposure nobody triaged as an analysis', async () => {
    const untriaged = statement(NODES.tune, 'IN_TRIAGE', { by: undefined, level: 'CERTAIN' });
    const read = await readVex(build(inputOf([untriaged, statement(NODES.base, 'RESOLVED')])));
    expect(read.analyses).toEqual([analysisOf(statement(NODES.base, 'RESOLVED'))]);
  });
});

describe('a VEX document another tool wrote', () => {
  it('is read by its hub purls, with the closest justification and the document time', async () => {
    const document = {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://example.org/vex/1',
      author: 'Example Security',
      timestamp: '2026-01-02T03:04:05Z',
      version: 1,
      statements: [
        {
          vulnerability: { name: 'CVE-2026-0001' },
          products: [{ '@id': 'pkg:huggingface/meta-llama/Llama-3.1-8B@abc123' }],
          status: 'not_affected',
          justification: 'inline_mitigations_already_exist',
          impact_statement: 'guarded',
        },
      ],
    };
    expect((await readVex(JSON.stringify(document))).analyses).toEqual([
      {
        defectId: 'defect:CVE-2026-0001',
        nodeId: NODES.base.id,
        state: 'NOT_AFFECTED',
        justification: 'PROTECTED_BY_MITIGATING_CONTROL',
        note: 'guarded',
        at: '2026-01-02T03:04:05Z',
      },
    ]);
  });

  it('reads a CycloneDX VEX whose product is its metadata component', async () => {
    const document = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      version: 1,
      metadata: {
        component: {
          type: 'machine-learning-model',
          name: 'chat-tune',
          'bom-ref': 'tune',
          purl: 'pkg:huggingface/fixture-lab/chat-tune',
        },
      },
      vulnerabilities: [
        {
          id: DEFECT.id.slice('defect:'.length),
          analysis: {
            state: 'resolved_with_pedigree',
            detail: 'retrained',
            lastUpdated: '2026-02-01T00:00:00Z',
          },
          affects: [{ ref: 'tune' }],
        },
      ],
    };
    expect((await readVex(JSON.stringify(document))).analyses).toEqual([
      {
        defectId: DEFECT.id,
        nodeId: NODES.tune.id,
        state: 'RESOLVED',
        note: 'retrained',
        at: '2026-02-01T00:00:00Z',
      },
    ]);
  });

  it('reads a CycloneDX VEX pointing into another BOM by BOM-Link, and knows it for a VEX', async () => {
    const serial = 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1';
    const document = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'application', name: 'App', 'bom-ref': 'app' } },
      vulnerabilities: [
        {
          id: 'CVE-2026-0002',
          analysis: { state: 'exploitable' },
          affects: [
            { ref: `${serial}#${encodeURIComponent('pkg:huggingface/fixture-lab/chat-tune')}` },
            { ref: `${serial}#${encodeURIComponent(NODES.product.id)}` },
          ],
        },
      ],
    };
    const text = JSON.stringify(document);
    expect(isVexDocument(text)).toBe(true);
    expect((await readVex(text)).analyses.map((a) => [a.defectId, a.nodeId, a.state])).toEqual([
      ['defect:CVE-2026-0002', NODES.tune.id, 'EXPLOITABLE'],
      ['defect:CVE-2026-0002', NODES.product.id, 'EXPLOITABLE'],
    ]);
  });
});
