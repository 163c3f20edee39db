import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  endDay,
  holdsOn,
  isoDate,
  NO_END,
  NO_START,
  periodOf,
  startDay,
  today,
} from './validity';

describe('day numbers', () => {
  it('counts days since 1970-01-01 (UTC), across leap days', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2023-03-01') - dayNumber('2023-02-28')).toBe(1);
    expect(dayNumber('2024-07-18') - dayNumber('2022-11-30')).toBe(596);
  });

  it('round-trips with isoDate over four years, day by day', () => {
    const first = dayNumber('2023-01-01');
    for (let day = first; day < first + 4 * 366; day++) {
      expect(dayNumber(isoDate(day))).toBe(day);
    }
    expect(isoDate(dayNumber('2024-02-29'))).toBe('2024-02-29');
  });

  it.each([
    '2024-1-01',
    '2024-01-01 ',
    '2024-01-01T00:00:00Z',
    '20240101',
    '',
    'today',
    '2024-13-01',
  ])('refuses %j, naming it', (text) => {
    expect(() => dayNumber(text)).toThrow(`not an ISO date: ${text}`);
  });

  it.each(['2023-02-29', '2024-02-30', '2023-04-31', '2023-06-31'])(
    'refuses %s, a day no calendar has (rather than reading it as a day of the next month)',
    (text) => {
      expect(() => dayNumber(text)).toThrow(`not an ISO date: ${text}`);
    },
  );

  it('today is the UTC day of the moment given', () => {
    expect(today(new Date('2024-07-17T23:59:59.999Z'))).toBe(dayNumber('2024-07-17'));
    expect(today(new Date('2024-07-18T00:00:00.000Z'))).toBe(dayNumber('2024-07-18'));
    expect(today(new Date('2024-07-18T01:00:00+02:00'))).toBe(dayNumber('2024-07-17'));
  });
});

describe('periods', () => {
  it('reads an absent end as open: before any day, after any day', () => {
    expect(startDay(undefined)).toBe(NO_START);
    expect(startDay(null)).toBe(NO_START);
    expect(endDay(undefined)).toBe(NO_END);
    expect(endDay(null)).toBe(NO_END);
    expect(startDay('2024-07-18')).toBe(dayNumber('2024-07-18'));
    expect(endDay('2024-07-18')).toBe(dayNumber('2024-07-18'));
    // Every real date lies strictly between the open ends.
    expect(NO_START).toBeLessThan(dayNumber('0001-01-01'));
    expect(NO_END).toBeGreaterThan(dayNumber('9999-12-31'));
  });

  it('holds from its first day up to, not including, the day it ends', () => {
    const from = dayNumber('2022-11-30');
    const to = dayNumber('2024-07-18');
    expect(holdsOn(from, to, from - 1)).toBe(false);
    expect(holdsOn(from, to, from)).toBe(true);
    expect(holdsOn(from, to, to - 1)).toBe(true);
    expect(holdsOn(from, to, to)).toBe(false);
  });

  it('open at either end holds on every day on that side', () => {
    const day = dayNumber('2024-07-18');
    expect(holdsOn(NO_START, day, dayNumber('0001-01-01'))).toBe(true);
    expect(holdsOn(day, NO_END, dayNumber('9999-12-31'))).toBe(true);
    expect(holdsOn(NO_START, NO_END, 0)).toBe(true);
  });

  it('a switch of model on one day leaves neither a gap nor an overlap', () => {
    const switchDay = dayNumber('2024-07-18');
    const old = [dayNumber('2022-11-30'), switchDay] as const;
    const next = [switchDay, NO_END] as const;
    for (const day of [switchDay - 1, switchDay, switchDay + 1]) {
      expect(Number(holdsOn(...old, day)) + Number(holdsOn(...next, day))).toBe(1);
    }
  });

  it('periodOf gives ISO dates, null at an open end', () => {
    expect(periodOf(dayNumber('2022-11-30'), dayNumber('2024-07-18'))).toEqual({
      from: '2022-11-30',
      to: '2024-07-18',
    });
    expect(periodOf(NO_START, NO_END)).toEqual({ from: null, to: null });
    expect(periodOf(NO_START, 0)).toEqual({ from: null, to: '1970-01-01' });
  });
});
