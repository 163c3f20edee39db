/**
 * Time in the lineage. A lineage relationship holds over `[validFrom, validTo)`: from the day it
 * began to the first day it no longer held, either end open when unknown. A node exists over
 * `[releasedAt, retiredAt)`. Dates are ISO days (`YYYY-MM-DD`, UTC); the engine compares them as
 * day numbers (days since 1970-01-01), so a date test is two integer comparisons per edge.
 */

const DAY_MS = 86_400_000;

/** The day number standing for "no start": before any real date. */
export const NO_START = -2_147_483_648;
/** The day number standing for "no end": after any real date. */
export const NO_END = 2_147_483_647;

/** The day number of an ISO date (`YYYY-MM-DD`); throws on anything else. */
export function dayNumber(isoDate: string): number {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  // Date.parse reads 2023-02-31 as 3 March: only a day that reads back the same is a date.
  const readsBack = !Number.isNaN(time) && new Date(time).toISOString().startsWith(isoDate);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || !readsBack) {
    throw new RangeError(`not an ISO date: ${isoDate}`);
  }
  return Math.round(time / DAY_MS);
}

/** The ISO date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Today's day number (UTC). */
export function today(now: Date = new Date()): number {
  return Math.floor(now.getTime() / DAY_MS);
}

/** The day a period starts, NO_START when it is open (unknown or always). */
export const startDay = (isoDate?: string | null) => (isoDate ? dayNumber(isoDate) : NO_START);
/** The first day a period no longer holds, NO_END when it is open. */
export const endDay = (isoDate?: string | null) => (isoDate ? dayNumber(isoDate) : NO_END);

/** Whether `[from, to)` holds on `day`. */
export const holdsOn = (from: number, to: number, day: number) => from <= day && day < to;

/** A period as ISO dates, null at an open end. */
export interface Period {
  from: string | null;
  to: string | null;
}

export function periodOf(from: number, to: number): Period {
  return {
    from: from === NO_START ? null : isoDate(from),
    to: to === NO_END ? null : isoDate(to),
  };
}
