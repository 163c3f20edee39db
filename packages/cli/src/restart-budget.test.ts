import { describe, expect, it } from 'vitest';
import { RestartBudget } from './restart-budget';

const policy = { maxRestarts: 3, windowMs: 60_000, firstDelayMs: 1000, maxDelayMs: 3000 };

describe('the restart budget of a child of lineage start', () => {
  it('restarts after a growing delay, capped', () => {
    const budget = new RestartBudget(policy);
    expect(budget.onExit(0)).toEqual({ restart: true, delayMs: 1000, attempt: 1 });
    expect(budget.onExit(10_000)).toEqual({ restart: true, delayMs: 2000, attempt: 2 });
    expect(budget.onExit(20_000)).toEqual({ restart: true, delayMs: 3000, attempt: 3 });
  });

  it('gives up when the child dies once more than the budget allows within the window', () => {
    const budget = new RestartBudget(policy);
    for (const at of [0, 1000, 2000]) expect(budget.onExit(at).restart).toBe(true);
    expect(budget.onExit(3000)).toEqual({ restart: false, exits: 4 });
  });

  it('forgets restarts older than the window: a rare crash is always restarted', () => {
    const budget = new RestartBudget(policy);
    for (let hour = 0; hour < 10; hour++)
      expect(budget.onExit(hour * 3_600_000)).toEqual({ restart: true, delayMs: 1000, attempt: 1 });
  });
});
