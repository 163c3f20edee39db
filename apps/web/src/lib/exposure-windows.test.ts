import { dayNumber } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { windowHolds, windowWords } from './exposure-windows';

describe('windowHolds', () => {
  it('holds from its first day to the day before its end', () => {
    const window = { from: '2023-03-01', to: '2024-07-18' };
    expect(windowHolds(window, dayNumber('2023-02-28'))).toBe(false);
    expect(windowHolds(window, dayNumber('2023-03-01'))).toBe(true);
    expect(windowHolds(window, dayNumber('2024-07-17'))).toBe(true);
    expect(windowHolds(window, dayNumber('2024-07-18'))).toBe(false);
  });

  it('reads an open end as unbounded', () => {
    expect(windowHolds({ from: null, to: null }, dayNumber('1990-01-01'))).toBe(true);
    expect(windowHolds({ from: '2024-07-18', to: null }, dayNumber('2030-01-01'))).toBe(true);
    expect(windowHolds({ from: null, to: '2024-07-18' }, dayNumber('2000-01-01'))).toBe(true);
  });
});

describe('windowWords', () => {
  it('says each window in words', () => {
    expect(windowWords({ from: '2023-03-01', to: '2024-07-18' })).toBe(
      'from 2023-03-01 to 2024-07-18',
    );
    expect(windowWords({ from: '2024-07-18', to: null })).toBe('since 2024-07-18');
    expect(windowWords({ from: null, to: '2024-07-18' })).toMatch(/as far back .* to 2024-07-18/);
    expect(windowWords({ from: null, to: null })).toMatch(/no date bounds it/);
  });
});
