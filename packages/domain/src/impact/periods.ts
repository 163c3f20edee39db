import { NO_END, NO_START } from '../validity';
import type { LineageGraph } from './lineage-graph';

/** A value that held over `[from, to)` (day numbers; NO_START / NO_END at open ends). */
export interface TimedValue<T> {
  from: number;
  to: number;
  value: T;
}

/**
 * Every day on which something in `graph` begins or ends (a release, a retirement, an edge's
 * start or end), plus `extra` days (a mitigation's start, a disclosure), ascending and distinct.
 * Between two consecutive ones the graph, and so any impact over it, stays the same.
 */
export function timeBreakpoints(graph: LineageGraph, extra: Iterable<number> = []): number[] {
  const days = new Set<number>();
  const add = (day: number) => {
    if (day !== NO_START && day !== NO_END) days.add(day);
  };
  graph.nodeFrom.forEach(add);
  graph.nodeTo.forEach(add);
  graph.edgeFrom.forEach(add);
  graph.edgeTo.forEach(add);
  for (const day of extra) add(day);
  return [...days].sort((a, b) => a - b);
}

/**
 * The periods over which `valueOn(day)` held, given the days it can change on: it is asked once
 * per period between breakpoints, and neighbouring periods with the same value (by `same`) are
 * joined. Periods whose value is undefined are left out.
 */
export function periodsOf<T>(
  breakpoints: readonly number[],
  valueOn: (day: number) => T | undefined,
  same: (a: T, b: T) => boolean,
): TimedValue<T>[] {
  // The period before the first breakpoint is asked on the day before it (any earlier day
  // gives the same answer); with no breakpoints there is one period, asked on any day.
  const starts = [NO_START, ...breakpoints];
  const periods: TimedValue<T>[] = [];
  starts.forEach((from, i) => {
    const to = breakpoints[i] ?? NO_END;
    const askedOn = from === NO_START ? (breakpoints[0] ?? 1) - 1 : from;
    const value = valueOn(askedOn);
    const last = periods[periods.length - 1];
    if (value === undefined) return;
    if (last && last.to === from && same(last.value, value)) last.to = to;
    else periods.push({ from, to, value });
  });
  return periods;
}
