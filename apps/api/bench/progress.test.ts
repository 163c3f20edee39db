import { describe, expect, it } from 'vitest';
import { duration, rateLine, stamp } from './progress';

describe('progress lines', () => {
  it('stamps the wall clock and the time since the start', () => {
    expect(stamp(new Date('2026-12-02T16:04:05.120Z'), 3_723_400)).toBe('16:04:05 +1:02:03');
    expect(stamp(new Date('2026-12-02T00:00:00Z'), 999)).toBe('00:00:00 +0:00:00');
  });

  it('gives the rate now and overall and the time left at the overall rate', () => {
    const line = rateLine('bulk load', 300_000, 1_500_000, 30_000, { rows: 60_000, ms: 5_000 });
    expect(line).toBe(
      'bulk load: 300,000 of ~1,500,000 rows (20.0%), 12,000/s now, 10,000/s overall, ~2.0 min left',
    );
  });

  it('says durations in the unit a person reads', () => {
    expect(duration(42)).toBe('42 s');
    expect(duration(600)).toBe('10.0 min');
    expect(duration(7200)).toBe('2.0 h');
  });
});
