import { describe, expect, it } from 'vitest';
import { downstreamWords, originWords, pathHops, relationBadge } from './provenance';

describe('originWords', () => {
  it('says who put the record in the graph', () => {
    expect(originWords('SEED')).toBe('Curated seed');
    expect(originWords('API')).toBe('Written by a person');
    expect(originWords('IMPORT')).toBe('Imported');
    expect(originWords('REVIEW')).toBe('Reviewed match');
  });

  it('says a record older than provenance has none', () => {
    expect(originWords(null)).toMatch(/not recorded/i);
  });
});

describe('relationBadge', () => {
  it('reads "stated" for a declared relationship between exact ids, with its record', () => {
    const badge = relationBadge({
      type: 'FINE_TUNED_FROM',
      declared: true,
      provenance: { origin: 'SEED', record: 'seed models.yaml:42', matchedBy: 'EXACT' },
    });
    expect(badge).toMatchObject({ label: 'stated', tone: 'stated' });
    expect(badge.title).toContain('Record: seed models.yaml:42.');
    expect(badge.title).toContain('Origin: Curated seed.');
  });

  it('marks an undeclared relationship inferred and says it passes at most LIKELY', () => {
    const badge = relationBadge({
      type: 'QUANTIZED_FROM',
      declared: false,
      provenance: { origin: 'IMPORT', record: 'hf-tree models.csv:9', matchedBy: 'INFERRED' },
    });
    expect(badge).toMatchObject({ label: 'inferred', tone: 'inferred' });
    expect(badge.title).toContain('at most as LIKELY');
  });

  it('reads plain "inferred" for an inferred relationship between exact ids', () => {
    const badge = relationBadge({
      type: 'DEPLOYS',
      declared: false,
      provenance: { origin: 'SEED', record: 'seed deployments.yaml:361', matchedBy: 'EXACT' },
    });
    expect(badge.label).toBe('inferred');
    expect(badge.title).toContain('Matched: exact id');
  });

  it('keeps both facts when an inferred relationship also rests on a name match', () => {
    const badge = relationBadge({
      type: 'DEPENDS_ON',
      declared: false,
      provenance: { origin: 'IMPORT', record: 'x', matchedBy: 'OWNER_NAME' },
    });
    expect(badge.label).toBe('inferred, matched by owner and name');
    expect(badge.tone).toBe('inferred');
  });

  it('names alias, owner-name and reviewed matches of declared relationships', () => {
    const declared = (matchedBy: string) =>
      relationBadge({ type: 'AFFECTS', declared: true, provenance: { matchedBy } });
    expect(declared('ALIAS')).toMatchObject({ label: 'matched by alias', tone: 'matched' });
    expect(declared('OWNER_NAME').label).toBe('matched by owner and name');
    expect(declared('REVIEWED')).toMatchObject({ label: 'reviewed', tone: 'reviewed' });
  });

  it('says how it was matched is unknown when the record predates provenance', () => {
    const badge = relationBadge({ type: 'DEPLOYS', declared: true, provenance: null });
    expect(badge.label).toBe('stated');
    expect(badge.title).toContain('not recorded');
  });
});

describe('pathHops', () => {
  const fineTune = { type: 'FINE_TUNED_FROM', declared: true, from: 'b', to: 'a' };
  const deploys = { type: 'DEPLOYS', declared: false, from: 'c', to: 'b' };
  const unrelated = { type: 'TRAINED_ON', declared: true, from: 'a', to: 'b' };

  it('finds for each hop the relationship from the node back to the one before it', () => {
    const affects = { type: 'AFFECTS', declared: true, from: 'defect', to: 'a' };
    expect(pathHops(['a', 'b', 'c'], [deploys, unrelated, fineTune], [affects])).toEqual([
      { node: 'a', relations: [affects] },
      { node: 'b', relations: [fineTune] },
      { node: 'c', relations: [deploys] },
    ]);
  });

  it('leaves a hop empty when its relationship was not loaded', () => {
    expect(pathHops(['a', 'x'], [fineTune])).toEqual([
      { node: 'a', relations: [] },
      { node: 'x', relations: [] },
    ]);
  });
});

describe('downstreamWords', () => {
  it('reads each relation from the parent to what derives from it', () => {
    expect(downstreamWords('QUANTIZED_FROM')).toBe('quantized as');
    expect(downstreamWords('AFFECTS')).toBe('found in');
    expect(downstreamWords('SOMETHING_NEW')).toBe('something new');
  });
});
