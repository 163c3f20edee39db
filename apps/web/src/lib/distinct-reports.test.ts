import { describe, expect, it } from 'vitest';
import { distinctReports } from './distinct-reports';

describe('distinctReports', () => {
  it('folds reports sharing a title (case and punctuation aside) into the first, counting them', () => {
    const groups = distinctReports([
      { id: 'a', name: 'Jailbreak: DAN prompt' },
      { id: 'b', name: 'Licence gap' },
      { id: 'c', name: 'jailbreak  DAN prompt' },
      { id: 'd', name: 'Jailbreak: DAN prompt.' },
    ]);
    expect(groups.map((g) => [g.first.id, g.similar])).toEqual([
      ['a', 2],
      ['b', 0],
    ]);
  });
});
