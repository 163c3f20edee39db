import { RestartBudget, type RestartPolicy } from './restart-budget';
import type { RunningService } from './services';

export interface SupervisedService {
  name: string;
  url: string;
  /** Stops the child for good: no restart follows. */
  stop(): Promise<void>;
}

/**
 * Keeps a child service running: when it exits without being asked to, it is started again
 * after a growing delay; past the policy's budget `onGiveUp` is called (the caller then stops
 * everything and exits non-zero, so nothing is left half-running). The first start's failure
 * is the caller's, thrown as before.
 */
export async function supervise(options: {
  /** For people: "the API", "the web app". */
  label: string;
  start: () => Promise<RunningService>;
  policy?: RestartPolicy;
  log: (line: string) => void;
  onGiveUp: (reason: string) => void;
}): Promise<SupervisedService> {
  const budget = new RestartBudget(options.policy);
  let current: RunningService | undefined = await options.start();
  let stopped = false;
  // A restart under way: stop() waits for it, so no child outlives `lineage start`.
  let restarting: Promise<RunningService> | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const keepRunning = async (service: RunningService) => {
    let code = await service.exited;
    while (!stopped) {
      current = undefined;
      const decision = budget.onExit(Date.now());
      if (!decision.restart) {
        options.onGiveUp(
          `${options.label} exited (code ${code}) ${decision.exits} times, more than ${budget.describeWindow()}`,
        );
        return;
      }
      options.log(
        `${options.label} exited unexpectedly (code ${code}); restarting in ${decision.delayMs / 1000} s (restart ${decision.attempt})`,
      );
      await pause(decision.delayMs);
      if (stopped) return;
      try {
        restarting = options.start();
        const started = await restarting;
        restarting = undefined;
        if (stopped) return;
        current = started;
        options.log(`${options.label} is back at ${started.url}`);
        code = await started.exited;
      } catch (error) {
        restarting = undefined;
        options.log(`${options.label} did not start again: ${(error as Error).message}`);
        code = null;
      }
    }
  };
  void keepRunning(current);

  return {
    name: current.name,
    url: current.url,
    stop: async () => {
      stopped = true;
      wake?.();
      const late = await restarting?.catch(() => undefined);
      await (late ?? current)?.stop();
    },
  };
}
