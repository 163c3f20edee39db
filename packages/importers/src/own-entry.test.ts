import { describe, expect, it } from 'vitest';
import { ownEntry } from './own-entry';

describe('ownEntry', () => {
  const table = { finetuned: 'FINE_TUNED_FROM' };

  it('gives the entry of a word the table holds', () => {
    expect(ownEntry(table, 'finetuned')).toBe('FINE_TUNED_FROM');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'missing'])(
    'gives nothing for %s, which the table does not hold itself',
    (word) => {
      expect(ownEntry(table, word)).toBeUndefined();
    },
  );
});
