import { describe, expect, it } from 'vitest';
import type { RunningService } from './services';
import { supervise } from './supervise';

const policy = { maxRestarts: 3, windowMs: 60_000, firstDelayMs: 1, maxDelayMs: 4 };

/** Children that exit when a test tells them to (`die`), as a killed process would. */
function fakeChildren() {
  const started: { die: (code: number | null) => void; stopped: boolean }[] = [];
  const start = async (): Promise<RunningService> => {
    let die!: (code: number | null) => void;
    const exited = new Promise<number | null>((resolve) => (die = resolve));
    const child = { die, stopped: false };
    started.push(child);
    return {
      name: 'fake',
      url: `http://fake/${started.length}`,
      exited,
      stop: async () => {
        child.stopped = true;
        die(0);
      },
    };
  };
  return { started, start };
}

/** Time for a restart that must not happen to show itself. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('a supervised child of lineage start', () => {
  it('is started again when it exits unexpectedly', async () => {
    const children = fakeChildren();
    const lines: string[] = [];
    const service = await supervise({
      label: 'the fake',
      start: children.start,
      policy,
      log: (line) => lines.push(line),
      onGiveUp: () => lines.push('gave up'),
    });
    children.started[0]!.die(137);
    await expect.poll(() => lines.length).toBe(2);
    expect(children.started).toHaveLength(2);
    expect(lines).toEqual([
      'the fake exited unexpectedly (code 137); restarting in 0.001 s (restart 1)',
      'the fake is back at http://fake/2',
    ]);
    await service.stop();
    expect(children.started[1]!.stopped).toBe(true);
    await settle();
    expect(children.started).toHaveLength(2);
  });

  it('is given up on once it dies more often than the budget allows', async () => {
    const children = fakeChildren();
    const reasons: string[] = [];
    await supervise({
      label: 'the fake',
      start: children.start,
      policy,
      log: () => {},
      onGiveUp: (reason) => reasons.push(reason),
    });
    for (let round = 0; round < 4; round++) {
      children.started[round]!.die(1);
      // The next child is up (or, after the last exit, the supervisor gave up).
      await expect.poll(() => children.started.length + reasons.length).toBe(round + 2);
    }
    expect(children.started).toHaveLength(4);
    expect(reasons).toEqual(['the fake exited (code 1) 4 times, more than 3 restarts within 60 s']);
  });

  it('is not started again after stop(), even while a restart was waiting', async () => {
    const children = fakeChildren();
    const service = await supervise({
      label: 'the fake',
      start: children.start,
      policy: { ...policy, firstDelayMs: 50, maxDelayMs: 50 },
      log: () => {},
      onGiveUp: () => {},
    });
    children.started[0]!.die(1);
    await service.stop();
    await settle();
    expect(children.started).toHaveLength(1);
  });
});
