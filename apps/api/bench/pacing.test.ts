import { describe, expect, it } from 'vitest';
import { delayBefore, paced } from './pacing';

describe('delayBefore', () => {
  it('spaces events evenly at the rate from the start', () => {
    expect(delayBefore(1000, 0, 10, 1000)).toBe(0);
    expect(delayBefore(1000, 1, 10, 1000)).toBe(100);
    expect(delayBefore(1000, 5, 10, 1250)).toBe(250);
  });

  it('never waits a negative time when behind', () => {
    expect(delayBefore(1000, 2, 10, 5000)).toBe(0);
  });
});

describe('paced', () => {
  it('runs work at about the rate asked and stops when told', async () => {
    const times: number[] = [];
    const started = performance.now();
    const result = await paced(
      50,
      async () => void times.push(performance.now() - started),
      () => performance.now() - started > 300,
    );
    expect(result.count).toBe(times.length);
    // 300 ms at 50/s: 15 events at most (fewer on a busy machine, never a burst).
    expect(result.count).toBeGreaterThanOrEqual(5);
    expect(result.count).toBeLessThanOrEqual(16);
    expect(result.seconds).toBeGreaterThan(0.29);
  });

  it('keeps the rate while earlier work is still running, up to the cap', async () => {
    let inFlight = 0;
    let most = 0;
    const started = performance.now();
    const result = await paced(
      50,
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 100));
        inFlight--;
      },
      () => performance.now() - started > 300,
      3,
    );
    // Each piece takes 100 ms, 5 intervals: without the cap 5 would run at once.
    expect(most).toBe(3);
    expect(inFlight).toBe(0);
    expect(result.count).toBeGreaterThanOrEqual(4);
  });
});
