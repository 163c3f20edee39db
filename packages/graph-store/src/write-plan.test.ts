import { relationshipInputSchema, relationshipKey } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { relationshipToProps } from './entity-props';
import { planRelationships } from './write-plan';

const link = (fields: Record<string, unknown>) =>
  relationshipInputSchema.parse({
    type: 'FINE_TUNED_FROM',
    from: 'model:a/child',
    to: 'model:a/base',
    ...fields,
  });

function plannedAfter(stored: Record<string, unknown>, incoming: Record<string, unknown>) {
  const existing = new Map([[relationshipKey(link({})), relationshipToProps(link(stored))]]);
  const { writes } = planRelationships({ nodes: [], relationships: [link(incoming)] }, existing);
  return writes[0]?.props;
}

describe('an import meeting a stored relationship', () => {
  const inferred = {
    declared: false,
    origin: 'import',
    recordedFrom: 'cyclonedx bom.json#x',
    matchedBy: 'inferred',
    sources: ['https://example.org/bom'],
  };

  it('adds its sources to a curated one, never its own reading of it', () => {
    const after = plannedAfter(
      {
        declared: true,
        origin: 'seed',
        recordedFrom: 'seed models.yaml:3',
        matchedBy: 'exact',
        sources: ['https://example.org/card'],
      },
      inferred,
    );
    expect(after).toMatchObject({
      declared: true,
      origin: 'seed',
      recordedFrom: 'seed models.yaml:3',
      matchedBy: 'exact',
      sources: ['https://example.org/card', 'https://example.org/bom'],
    });
  });

  it("never moves a curated relationship's period: the seed's dates rest on their sources", () => {
    const after = plannedAfter(
      { origin: 'seed', validFrom: '2023-03-01', validTo: '2024-07-18' },
      { ...inferred, validFrom: '2022-11-30' },
    );
    expect(after).toMatchObject({ validFrom: '2023-03-01', validTo: '2024-07-18' });
    const undated = plannedAfter({ origin: 'seed' }, { ...inferred, validFrom: '2022-11-30' });
    expect(undated).not.toHaveProperty('validFrom');
  });

  it('updates one an import wrote', () => {
    const after = plannedAfter(
      { declared: true, origin: 'import', recordedFrom: 'hf-tree edges.csv:9', matchedBy: 'exact' },
      inferred,
    );
    expect(after).toMatchObject({ declared: false, recordedFrom: 'cyclonedx bom.json#x' });
  });
});
