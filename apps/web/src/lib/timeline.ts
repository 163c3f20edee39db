import { dayNumber, isoDate } from '@lineage/domain';

/**
 * A timeline of dated relationships (what a deployment ran, which snapshot a family name
 * pointed to), as the page's table and bar chart show it. Periods are half-open, as the graph
 * stores them: `validTo` is the first day the relationship no longer held.
 */

export interface Dated {
  validFrom?: string | null;
  validTo?: string | null;
}

/** When a node existed: a relationship cannot have held before its launch or after it retired. */
export interface Life {
  releasedAt?: string | null;
  retiredAt?: string | null;
}

/**
 * current: holds on the day asked; ended: its validTo is past; upcoming: starts later;
 * undated: neither end recorded, so the graph counts it as holding throughout.
 */
export type PeriodStatus = 'current' | 'ended' | 'upcoming' | 'undated';

export function periodStatus(period: Dated, day: number): PeriodStatus {
  if (!period.validFrom && !period.validTo) return 'undated';
  if (period.validTo && dayNumber(period.validTo) <= day) return 'ended';
  if (period.validFrom && dayNumber(period.validFrom) > day) return 'upcoming';
  return 'current';
}

export interface TimelineEntry<T extends Dated> {
  item: T;
  status: PeriodStatus;
  /** The bar, in day numbers: the period clipped to the node's life, open ends drawn to it. */
  barStart: number;
  barEnd: number;
  /** The start (or end) is not recorded: the bar fades in (or runs on) there. */
  openStart: boolean;
  openEnd: boolean;
}

export interface TimelineScale {
  start: number;
  end: number;
  /** The day statuses are read on: marked on the chart. */
  asOf: number;
  /** The first day of each year shown on the axis. */
  ticks: { day: number; label: string }[];
}

export interface Timeline<T extends Dated> {
  entries: TimelineEntry<T>[];
  scale: TimelineScale;
}

const MIN_SPAN_DAYS = 365;
const MAX_TICKS = 8;

/**
 * Entries in order of start (the undated last) and the scale that holds them all: from the
 * earliest date recorded (the relationships' or the node's own, or the day asked) to today or
 * the latest date. Statuses are read on `asOf`; an open end runs to `today`, the present.
 */
export function buildTimeline<T extends Dated>(
  items: readonly T[],
  life: Life,
  days: { asOf: number; today: number },
  nameOf: (item: T) => string,
): Timeline<T> {
  const { asOf, today } = days;
  const known = [
    asOf,
    life.releasedAt,
    life.retiredAt,
    ...items.flatMap((item) => [item.validFrom, item.validTo]),
  ].flatMap((date) => (typeof date === 'number' ? [date] : date ? [dayNumber(date)] : []));
  const earliest = Math.min(today, ...known);
  const latest = Math.max(today, ...known);
  const start = Math.min(earliest, latest - MIN_SPAN_DAYS);
  // A margin after the last day, so an ongoing bar's arrow and the today mark stay inside.
  const end = latest + Math.max(30, Math.round((latest - start) * 0.03));

  const lifeStart = life.releasedAt ? dayNumber(life.releasedAt) : start;
  const lifeEnd = life.retiredAt ? dayNumber(life.retiredAt) : undefined;
  const entries = items.map((item): TimelineEntry<T> => {
    const status = periodStatus(item, asOf);
    const from = item.validFrom ? dayNumber(item.validFrom) : undefined;
    const to = item.validTo ? dayNumber(item.validTo) : undefined;
    const barStart = from ?? lifeStart;
    // An open end runs to the node's retirement, else to today (or past it, for one not begun).
    const barEnd = to ?? lifeEnd ?? Math.max(today, barStart + 1);
    return {
      item,
      status,
      barStart,
      barEnd: Math.max(barEnd, barStart + 1),
      openStart: from === undefined,
      openEnd: to === undefined && lifeEnd === undefined,
    };
  });
  entries.sort(
    (a, b) =>
      Number(a.status === 'undated') - Number(b.status === 'undated') ||
      a.barStart - b.barStart ||
      a.barEnd - b.barEnd ||
      nameOf(a.item).localeCompare(nameOf(b.item)),
  );
  return { entries, scale: { start, end, asOf, ticks: yearTicks(start, latest) } };
}

/** New years from after `start` to `last` (not into the margin, where a label would overflow). */
function yearTicks(start: number, last: number): TimelineScale['ticks'] {
  const first = Number(isoDate(start).slice(0, 4)) + 1;
  const lastYear = Number(isoDate(last).slice(0, 4));
  const step = Math.max(1, Math.ceil((lastYear - first + 1) / MAX_TICKS));
  const ticks: TimelineScale['ticks'] = [];
  for (let year = first; year <= lastYear; year += step) {
    ticks.push({ day: dayNumber(`${year}-01-01`), label: String(year) });
  }
  return ticks;
}

/** Where a day falls on the scale, as a percentage of its width (0 to 100). */
export function percentOf(scale: TimelineScale, day: number): number {
  const share = (day - scale.start) / (scale.end - scale.start);
  return Math.round(Math.min(1, Math.max(0, share)) * 10_000) / 100;
}

/** The period in words, e.g. "from 2023-03-01, until 2024-07-18", "since 2024-07-18" or "undated". */
export function periodWords(period: Dated): string {
  if (!period.validFrom && !period.validTo) return 'undated';
  const from = period.validFrom
    ? `${period.validTo ? 'from' : 'since'} ${period.validFrom}`
    : 'start not recorded';
  return period.validTo ? `${from}, until ${period.validTo}` : from;
}
