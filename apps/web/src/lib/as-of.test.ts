import { describe, expect, it } from 'vitest';
import { asOfWords, readAsOf, readFlag } from './as-of';

const NOW = new Date('2026-12-02T06:00:00Z');

describe('readAsOf', () => {
  it('is today (UTC) when the link names no date', () => {
    expect(readAsOf(undefined, NOW)).toMatchObject({ date: '2026-12-02', isToday: true });
    expect(readAsOf('', NOW)).toMatchObject({ date: '2026-12-02', isToday: true });
    expect(readAsOf(undefined, NOW).problem).toBeUndefined();
  });

  it('reads the date the link names, and knows whether it is today', () => {
    const past = readAsOf('2024-01-01', NOW);
    expect(past).toMatchObject({ date: '2024-01-01', isToday: false });
    expect(past.day).toBeLessThan(past.today);
    expect(readAsOf('2026-12-02', NOW).isToday).toBe(true);
    expect(readAsOf(['2024-01-01', '2025-01-01'], NOW).date).toBe('2024-01-01');
  });

  it('falls back to today and says why for what is not a calendar date', () => {
    for (const bad of ['2024-02-30', '2024-13-01', '01/01/2024', 'yesterday', '2024-1-1']) {
      const choice = readAsOf(bad, NOW);
      expect(choice).toMatchObject({ date: '2026-12-02', isToday: true });
      expect(choice.problem).toContain(`asOf=${bad}`);
      expect(choice.problem).toContain('YYYY-MM-DD');
    }
  });
});

describe('readFlag', () => {
  it('reads a checkbox or a written flag', () => {
    expect(readFlag('on')).toBe(true);
    expect(readFlag('1')).toBe(true);
    expect(readFlag('true')).toBe(true);
    expect(readFlag(undefined)).toBe(false);
    expect(readFlag('0')).toBe(false);
  });
});

describe('asOfWords', () => {
  it('names the day', () => {
    expect(asOfWords({ date: '2026-12-02', isToday: true })).toBe('today');
    expect(asOfWords({ date: '2024-01-01', isToday: false })).toBe('on 2024-01-01');
  });
});
