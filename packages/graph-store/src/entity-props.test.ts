import { describe, expect, it } from 'vitest';
import { withStoredLists } from './entity-props';
import { canonicalJson } from './values';

describe('stored lists', () => {
  it('reads a list the store does not hold as empty, for nodes and relationships', () => {
    const node = { id: 'model:a/b', kind: 'FineTune', name: 'b' };
    expect(withStoredLists(node, 'node')).toEqual({ ...node, aliases: [], sources: [] });
    expect(withStoredLists({ declared: true }, 'relationship')).toEqual({
      declared: true,
      sources: [],
    });
  });

  it('keeps the lists a record holds, so a loaded and a written record compare equal', () => {
    const written = { id: 'x', aliases: ['y'], sources: [] };
    expect(withStoredLists(written, 'node')).toBe(written);
    const loaded = { id: 'x', aliases: ['y'] };
    expect(canonicalJson(withStoredLists(loaded, 'node'))).toBe(canonicalJson(written));
  });
});
