/**
 * How long to wait before the `index`-th event (0-based) of a steady `perSecond` rate begun at
 * `startMs`; never negative when behind.
 */
export function delayBefore(startMs: number, index: number, perSecond: number, nowMs: number) {
  return Math.max(0, startMs + (index * 1000) / perSecond - nowMs);
}

/**
 * Starts `work` at `perSecond` until `stop()` says so, each on its schedule whether or not the
 * ones before have finished (an open loop: a slow answer does not lower the rate offered), at
 * most `maxInFlight` at once; when that many are waiting, the schedule slips, never bursts.
 * Resolves once the started ones have finished.
 */
export async function paced(
  perSecond: number,
  work: (index: number) => Promise<void>,
  stop: () => boolean,
  maxInFlight = 16,
): Promise<{ count: number; seconds: number }> {
  const begun = performance.now();
  let start = begun;
  let index = 0;
  const running = new Set<Promise<void>>();
  while (!stop()) {
    const wait = delayBefore(start, index, perSecond, performance.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (running.size >= maxInFlight) await Promise.race(running);
    if (stop()) break;
    const task = work(index).finally(() => running.delete(task));
    running.add(task);
    index++;
    // More than one interval behind (all slots were busy): the schedule moves on from here.
    const late = performance.now() - (start + (index * 1000) / perSecond);
    if (late > 1000 / perSecond) start += late;
  }
  await Promise.all(running);
  return { count: index, seconds: (performance.now() - begun) / 1000 };
}
