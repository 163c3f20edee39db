import { dayNumber } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { buildTimeline, percentOf, periodStatus, periodWords, type Dated } from './timeline';

const day = dayNumber;
const TODAY = day('2026-12-02');
const NOW = { asOf: TODAY, today: TODAY };

interface Ran extends Dated {
  model: string;
}

describe('periodStatus', () => {
  it('reads a half-open period: validTo is the first day it no longer held', () => {
    const period = { validFrom: '2023-03-01', validTo: '2024-07-18' };
    expect(periodStatus(period, day('2024-07-17'))).toBe('current');
    expect(periodStatus(period, day('2024-07-18'))).toBe('ended');
    expect(periodStatus(period, day('2023-02-28'))).toBe('upcoming');
  });

  it('calls a period with neither end recorded undated, and one with an open end current', () => {
    expect(periodStatus({}, TODAY)).toBe('undated');
    expect(periodStatus({ validFrom: null, validTo: null }, TODAY)).toBe('undated');
    expect(periodStatus({ validFrom: '2024-07-18' }, TODAY)).toBe('current');
    expect(periodStatus({ validTo: '2030-01-01' }, TODAY)).toBe('current');
  });
});

describe('buildTimeline', () => {
  const ran: Ran[] = [
    { model: 'undated one' },
    { model: 'gpt-4o-mini', validFrom: '2024-07-18' },
    { model: 'gpt-3.5-turbo', validFrom: '2023-03-01', validTo: '2024-07-18' },
    { model: 'gpt-4o', validFrom: '2024-05-13' },
  ];

  it('orders entries by start, the undated last, and marks each', () => {
    const { entries } = buildTimeline(ran, { releasedAt: '2022-11-30' }, NOW, (r) => r.model);
    expect(entries.map((e) => [e.item.model, e.status])).toEqual([
      ['gpt-3.5-turbo', 'ended'],
      ['gpt-4o', 'current'],
      ['gpt-4o-mini', 'current'],
      ['undated one', 'undated'],
    ]);
  });

  it("draws an open start from the node's launch and an open end to today", () => {
    const { entries } = buildTimeline(
      [{ model: 'x', validTo: '2024-01-01' }, { model: 'y' }],
      { releasedAt: '2022-11-30' },
      NOW,
      (r) => r.model,
    );
    const [x, y] = entries;
    expect(x).toMatchObject({ barStart: day('2022-11-30'), barEnd: day('2024-01-01') });
    expect(x).toMatchObject({ openStart: true, openEnd: false });
    expect(y).toMatchObject({ barStart: day('2022-11-30'), barEnd: TODAY, openEnd: true });
  });

  it('ends an open period at the retirement of a retired node, and says it does not run on', () => {
    const { entries } = buildTimeline(
      [{ model: 'codex', validFrom: '2021-10-29' }],
      { releasedAt: '2021-10-29', retiredAt: '2023-03-23' },
      NOW,
      (r) => r.model,
    );
    expect(entries[0]).toMatchObject({ barEnd: day('2023-03-23'), openEnd: false });
  });

  it('spans the earliest date recorded to today, with a tick on each new year between', () => {
    const { scale } = buildTimeline(ran, { releasedAt: '2022-11-30' }, NOW, (r) => r.model);
    expect(scale.start).toBe(day('2022-11-30'));
    expect(scale.end).toBeGreaterThan(TODAY);
    expect(scale.ticks.map((t) => t.label)).toEqual(['2023', '2024', '2025', '2026']);
    expect(percentOf(scale, scale.start)).toBe(0);
    expect(percentOf(scale, day('2024-07-18'))).toBeGreaterThan(
      percentOf(scale, day('2024-05-13')),
    );
    expect(percentOf(scale, TODAY)).toBeLessThan(100);
  });

  it('keeps at least a year on the scale when nothing is dated', () => {
    const { scale, entries } = buildTimeline<Ran>([{ model: 'a' }], {}, NOW, (r) => r.model);
    expect(scale.end - scale.start).toBeGreaterThanOrEqual(365);
    expect(entries[0]!.barEnd).toBe(TODAY);
  });
});

describe('buildTimeline as of a past day', () => {
  it('reads statuses on that day, marks it, and still runs an open end to the present', () => {
    const asOf = day('2024-01-01');
    const { entries, scale } = buildTimeline(
      [
        { model: 'gpt-3.5-turbo', validFrom: '2023-03-01', validTo: '2024-07-18' },
        { model: 'gpt-4o-mini', validFrom: '2024-07-18' },
      ],
      { releasedAt: '2022-11-30' },
      { asOf, today: TODAY },
      (r) => r.model,
    );
    expect(entries.map((e) => e.status)).toEqual(['current', 'upcoming']);
    expect(entries[1]).toMatchObject({ barEnd: TODAY, openEnd: true });
    expect(scale.asOf).toBe(asOf);
  });
});

describe('periodWords', () => {
  it('says each period in words', () => {
    expect(periodWords({ validFrom: '2023-03-01', validTo: '2024-07-18' })).toBe(
      'from 2023-03-01, until 2024-07-18',
    );
    expect(periodWords({ validFrom: '2024-07-18' })).toBe('since 2024-07-18');
    expect(periodWords({ validTo: '2024-07-18' })).toBe('start not recorded, until 2024-07-18');
    expect(periodWords({})).toBe('undated');
  });
});
