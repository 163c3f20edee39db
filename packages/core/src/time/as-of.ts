import { dayNumber, isoDate, today, validationError } from '@lineage/domain';

/** When a question about the graph is asked for, and whether only disclosed defects count. */
export interface TimeOptions {
  /** An ISO date (`YYYY-MM-DD`); today (UTC) when absent. */
  asOf?: string;
  /** A defect reaches nothing before its `disclosedAt` (otherwise: from its origin's release). */
  disclosedOnly?: boolean;
}

/** The day asked for, as a day number and as the ISO date answers repeat back. */
export interface AsOf {
  day: number;
  date: string;
}

/** Reads `asOf` (today when absent); a malformed date is the caller's error, named. */
export function resolveAsOf(asOf?: string, now: Date = new Date()): AsOf {
  if (asOf === undefined) {
    const day = today(now);
    return { day, date: isoDate(day) };
  }
  try {
    return { day: dayNumber(asOf), date: asOf };
  } catch {
    throw validationError(`asOf must be a date written YYYY-MM-DD, got '${asOf}'`);
  }
}

/** Whether `since` (an ISO date, or none: always) has begun on `day`. */
export function begunBy(since: string | undefined | null, day: number): boolean {
  return !since || dayNumber(since) <= day;
}
