import { describe, expect, it } from 'vitest';
import { byStrength, type RankedExposure } from './exposure-order';

const row = (id: string, level: string, severity: string, extra: Partial<RankedExposure> = {}) => ({
  level,
  mitigated: false,
  stoppedBy: [],
  defect: { id, severity },
  ...extra,
});

describe('byStrength', () => {
  it('puts reaching defects first, by level then severity, and stopped ones last', () => {
    const rows = [
      row('a', 'POSSIBLE', 'CRITICAL'),
      row('b', 'CERTAIN', 'LOW'),
      row('c', 'CERTAIN', 'HIGH'),
      row('d', 'CONFIRMED', 'LOW', { stoppedBy: [{}] }),
      row('e', 'LIKELY', 'MEDIUM', { mitigated: true }),
      row('f', 'CERTAIN', 'HIGH'),
    ];
    expect(rows.sort(byStrength).map((r) => r.defect.id)).toEqual(['c', 'f', 'b', 'a', 'e', 'd']);
  });
});
