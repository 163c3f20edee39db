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

  it('catches up after slow work by not waiting, without a burst', async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const started = last;
    await paced(
      20,
      async (index) => {
        const now = performance.now();
        if (index > 0) gaps.push(now - last);
        last = now;
        if (index === 1) await new Promise((resolve) => setTimeout(resolve, 300));
      },
      () => performance.now() - started > 800,
    );
    // After the 300 ms stall the schedule moved on: no run of back-to-back events.
    expect(gaps.filter((gap) => gap < 10).length).toBeLessThanOrEqual(1);
  });
});
