import { TRIAGE_JUSTIFICATIONS } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { buildOpenVex, type OpenVexDocument } from './openvex';
import {
  JUSTIFICATION_OF,
  OPENVEX_JUSTIFICATION,
  OPENVEX_JUSTIFICATIONS,
  readStatusNotes,
  writeStatusNotes,
} from './openvex-mapping';
import { validateOpenVex } from './openvex-schema';
import { inputOf, NODES, statement } from './sample-input';

const input = inputOf([
  statement(NODES.base, 'NOT_AFFECTED', { justification: 'REQUIRES_CONFIGURATION' }),
  statement(NODES.tune, 'EXPLOITABLE'),
  statement(NODES.data, 'FALSE_POSITIVE', { note: 'the samples were never in the mix' }),
  statement(NODES.corpus, 'RESOLVED', { note: 'filtered out in v3' }),
  statement(NODES.product, 'IN_TRIAGE', { by: undefined, level: 'POSSIBLE' }),
]);
const document = () => JSON.parse(buildOpenVex(input)) as OpenVexDocument;
const refused = (edit: (d: OpenVexDocument & Record<string, unknown>) => void) => {
  const d = document() as OpenVexDocument & Record<string, unknown>;
  edit(d);
  return validateOpenVex(JSON.stringify(d));
};

describe('an OpenVEX document of a product', () => {
  it('is valid against the OpenVEX 0.2.0 schema', () => {
    expect(validateOpenVex(buildOpenVex(input))).toBeNull();
    expect(document()['@context']).toBe('https://openvex.dev/ns/v0.2.0');
  });

  it('states each analysis in OpenVEX terms, keeping what OpenVEX lacks in a tag', () => {
    const [notAffected, affected, falsePositive, fixed, untriaged] = document().statements;
    expect(notAffected).toMatchObject({
      products: [{ '@id': 'pkg:huggingface/meta-llama/Llama-3.1-8B' }],
      status: 'not_affected',
      justification: 'vulnerable_code_cannot_be_controlled_by_adversary',
      status_notes: '[lineage justification=REQUIRES_CONFIGURATION by=alice]',
    });
    expect(affected).toMatchObject({ status: 'affected', action_statement: expect.any(String) });
    expect(affected!.status_notes).toBe('[lineage by=alice note=none]');
    expect(falsePositive).toMatchObject({
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
      impact_statement: 'the samples were never in the mix',
      status_notes: '[lineage state=FALSE_POSITIVE by=alice]',
    });
    expect(fixed).toMatchObject({
      products: [{ '@id': 'urn:lineage:dataset:internal-corpus' }],
      status: 'fixed',
      status_notes: 'filtered out in v3\n[lineage by=alice]',
    });
    expect(untriaged).toMatchObject({
      products: [{ '@id': 'urn:lineage:deployment:aws/bedrock' }],
      status: 'under_investigation',
      status_notes: 'Not yet triaged: Lineage exposure POSSIBLE\n[lineage untriaged=true]',
    });
  });

  it('maps the nine CycloneDX justifications onto the five, each of the five read back as one that maps to it', () => {
    expect(new Set(Object.values(OPENVEX_JUSTIFICATION))).toEqual(new Set(OPENVEX_JUSTIFICATIONS));
    for (const justification of OPENVEX_JUSTIFICATIONS)
      expect(OPENVEX_JUSTIFICATION[JUSTIFICATION_OF[justification]]).toBe(justification);
    expect(Object.keys(OPENVEX_JUSTIFICATION).sort()).toEqual([...TRIAGE_JUSTIFICATIONS].sort());
  });

  it('keeps any analyst name and note intact through the tag', () => {
    const notes = writeStatusNotes('a note\n[lineage by=mallory]', { by: 'Ann ] =x%' });
    expect(readStatusNotes(notes)).toEqual({
      text: 'a note\n[lineage by=mallory]',
      tag: { by: 'Ann ] =x%' },
    });
    expect(readStatusNotes('[lineage by=%E0%A4%A]').problem).toMatch(/malformed/);
  });
});

describe('an OpenVEX document Lineage refuses', () => {
  it('names a context that is not OpenVEX v0.2.0', () => {
    expect(refused((d) => (d['@context'] = 'https://openvex.dev/ns/v0.0.1'))).toEqual([
      '@context: https://openvex.dev/ns/v0.0.1 is not OpenVEX v0.2.0, the version read here',
    ]);
    expect(refused((d) => (d['@context'] = 'https://example.org/vex'))).toEqual([
      "@context: https://example.org/vex is not OpenVEX's (https://openvex.dev/ns/v0.2.0)",
    ]);
  });

  it('names a statement without products, with an unknown status, or a justification on affected', () => {
    expect(refused((d) => delete d.statements[2]!.products)).toEqual([
      'statements[2]: no products; a statement must name what it is about',
    ]);
    expect(refused((d) => (d.statements[3]!.status = 'patched'))).toEqual([
      'statements[3].status: must be one of not_affected, affected, fixed, under_investigation',
    ]);
    expect(refused((d) => (d.statements[1]!.justification = 'component_not_present'))).toEqual([
      'statements[1].justification: only a not_affected statement takes one, not affected',
    ]);
  });

  it('names what the schema asks of a statement and a product', () => {
    expect(refused((d) => delete d.statements[1]!.action_statement)).toEqual([
      'statements[1]: missing action_statement',
    ]);
    expect(refused((d) => (d.statements[0]!.products = [{}]))).toEqual([
      'statements[0].products[0]: needs one of @id, identifiers',
    ]);
    expect(refused((d) => (d.statements[4]!.products![0]!['@id'] = 'not an iri'))).toEqual([
      'statements[4].products[0].@id: must match format "iri"',
    ]);
    expect(refused((d) => (d.extra = true))).toEqual(["(document): unknown property 'extra'"]);
    expect(validateOpenVex('{"@context": ')).toEqual([
      expect.stringMatching(/^\(document\): not JSON/),
    ]);
  });
});
