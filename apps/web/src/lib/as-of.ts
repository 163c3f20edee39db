import { dayNumber, isoDate, today } from '@lineage/domain';

/**
 * The day a page states things for, read from its `?asOf=YYYY-MM-DD` (so a link says which day
 * it shows): today (UTC) when absent, and today with a problem to show when it is not a date.
 */
export interface AsOfChoice {
  /** The ISO date asked for (or today's). */
  date: string;
  day: number;
  /** Today's day number: what "current" and open periods are read against. */
  today: number;
  /** True when no date was asked for: the page is about now. */
  isToday: boolean;
  /** Why the date in the URL was not used, to tell the reader. */
  problem?: string;
}

type SearchValue = string | string[] | undefined;

export function readAsOf(raw: SearchValue, now: Date = new Date()): AsOfChoice {
  const present = today(now);
  const current = { date: isoDate(present), day: present, today: present };
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text.trim() === '') return { ...current, isToday: true };
  const day = calendarDay(text.trim());
  if (day === undefined) {
    return {
      ...current,
      isToday: true,
      problem: `The date in the link ("asOf=${text.slice(0, 40)}") is not a calendar date written YYYY-MM-DD: showing today instead.`,
    };
  }
  return { date: isoDate(day), day, today: present, isToday: day === present };
}

/** The day number of a real calendar date (2024-02-30 is not one), else undefined. */
function calendarDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  try {
    const day = dayNumber(text);
    return isoDate(day) === text ? day : undefined;
  } catch {
    return undefined;
  }
}

/** `?disclosedOnly=1` (or true/on, as a checkbox sends it). */
export function readFlag(raw: SearchValue): boolean {
  const text = Array.isArray(raw) ? raw[0] : raw;
  return text !== undefined && ['1', 'true', 'on', 'yes'].includes(text.toLowerCase());
}

/** How a page names its day: "today" or "on 2024-01-01". */
export function asOfWords(choice: Pick<AsOfChoice, 'date' | 'isToday'>): string {
  return choice.isToday ? 'today' : `on ${choice.date}`;
}
