import { describe, expect, it } from 'vitest';
import { foldTriage, type Triage } from './triage-records';

const triage = (from: string, state: Triage['state'], triagedAt = '2026-12-03T10:00:00.000Z') =>
  ({
    type: 'TRIAGED',
    from,
    to: 'defect:JB-1',
    declared: true,
    sources: [],
    state,
    triagedBy: 'alice',
    triagedAt,
  }) as Triage;

describe('foldTriage', () => {
  it('adds the nodes a triage stops the defect at, from the day it holds', () => {
    const folded = foldTriage({ mitigators: [], mitigatedSince: {} }, [
      triage('a', 'NOT_AFFECTED'),
      triage('b', 'FALSE_POSITIVE'),
      triage('c', 'IN_TRIAGE'),
      triage('d', 'EXPLOITABLE'),
      triage('e', 'RESOLVED'),
    ]);
    expect(folded.mitigators.sort()).toEqual(['a', 'b']);
    expect(folded.mitigatedSince).toEqual({ a: '2026-12-03' });
    expect([...folded.triage.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps the earlier of a mitigation and a triage, and "always" over either', () => {
    const folded = foldTriage(
      {
        mitigators: ['early', 'late', 'always'],
        mitigatedSince: { early: '2025-01-01', late: '2027-01-01' },
      },
      [
        triage('early', 'NOT_AFFECTED'),
        triage('late', 'NOT_AFFECTED'),
        triage('always', 'NOT_AFFECTED'),
      ],
    );
    expect(folded.mitigators.sort()).toEqual(['always', 'early', 'late']);
    expect(folded.mitigatedSince).toEqual({ early: '2025-01-01', late: '2026-12-03' });
  });
});
