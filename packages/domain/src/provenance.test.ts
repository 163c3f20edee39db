import { describe, expect, it } from 'vitest';
import { weakerMatch } from './provenance';

describe('weakerMatch', () => {
  it('keeps the weaker end of a relationship, whichever end it is', () => {
    expect(weakerMatch('exact', 'alias')).toBe('alias');
    expect(weakerMatch('owner-name', 'alias')).toBe('owner-name');
    expect(weakerMatch('inferred', 'exact')).toBe('inferred');
  });

  it("tells a reviewed join as reviewed beside the record's own exact end", () => {
    // An import's edge from its own record (exact) to a name a person accepted.
    expect(weakerMatch('exact', 'reviewed')).toBe('reviewed');
    expect(weakerMatch('reviewed', 'exact')).toBe('reviewed');
    expect(weakerMatch('reviewed', 'alias')).toBe('alias');
  });
});
