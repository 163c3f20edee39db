/**
 * How long to wait before the `index`-th event (0-based) of a steady `perSecond` rate begun at
 * `startMs`: the schedule is fixed, so a slow event is caught up on by not waiting after it,
 * never by a burst (an event late by more than one interval moves the schedule on).
 */
export function delayBefore(startMs: number, index: number, perSecond: number, nowMs: number) {
  return Math.max(0, startMs + (index * 1000) / perSecond - nowMs);
}

/** Runs `work` at `perSecond` until `stop()` says so; resolves with how many ran. */
export async function paced(
  perSecond: number,
  work: (index: number) => Promise<void>,
  stop: () => boolean,
): Promise<{ count: number; seconds: number }> {
  const begun = performance.now();
  let start = begun;
  let index = 0;
  while (!stop()) {
    const wait = delayBefore(start, index, perSecond, performance.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (stop()) break;
    await work(index);
    index++;
    // More than one interval behind: start the schedule again from here, no burst.
    const late = performance.now() - (start + (index * 1000) / perSecond);
    if (late > 1000 / perSecond) start += late;
  }
  return { count: index, seconds: (performance.now() - begun) / 1000 };
}
