import { dayNumber } from '@lineage/domain';

/** A period over which a defect reached a node (half-open: `to` is the first day it did not). */
export interface WindowPeriod {
  from: string | null;
  to: string | null;
}

/** Whether the window holds on `day` (a day number). */
export function windowHolds(window: WindowPeriod, day: number): boolean {
  return (
    (window.from === null || dayNumber(window.from) <= day) &&
    (window.to === null || day < dayNumber(window.to))
  );
}

/** The window in words: "from 2023-03-01 to 2024-07-18", "since 2024-07-18"... */
export function windowWords(window: WindowPeriod): string {
  if (window.from && window.to) return `from ${window.from} to ${window.to}`;
  if (window.from) return `since ${window.from}`;
  if (window.to) return `from as far back as the graph records to ${window.to}`;
  return 'throughout: no date bounds it';
}
