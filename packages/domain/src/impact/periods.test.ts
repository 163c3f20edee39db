import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, NO_END, NO_START } from '../validity';
import { buildLineageGraph } from './lineage-graph';
import { periodsOf, timeBreakpoints } from './periods';
import { engineImpact, impactSummary } from './testing/brute-force-impact';
import { randomCases } from './testing/random-lineage';

const d = dayNumber;

describe('timeBreakpoints', () => {
  it('lists every known release, retirement, start and end once, ascending, with the extra days', () => {
    const graph = buildLineageGraph(
      [
        { id: 'model:a', kind: 'BaseModel', releasedAt: '2022-11-30', retiredAt: '2025-01-01' },
        { id: 'deployment:b', kind: 'Deployment', releasedAt: '2022-11-30' },
        { id: 'model:c', kind: 'BaseModel' },
      ],
      [
        {
          from: 'deployment:b',
          to: 'model:a',
          type: 'DEPLOYS',
          declared: true,
          validTo: '2024-07-18',
        },
        {
          from: 'deployment:b',
          to: 'model:c',
          type: 'DEPLOYS',
          declared: true,
          validFrom: '2024-07-18',
        },
      ],
    );
    expect(timeBreakpoints(graph, [d('2023-03-01'), d('2022-11-30')])).toEqual([
      d('2022-11-30'),
      d('2023-03-01'),
      d('2024-07-18'),
      d('2025-01-01'),
    ]);
  });

  it('has none for a graph without dates, and never lists an open end', () => {
    const graph = buildLineageGraph(
      [
        { id: 'a', kind: 'BaseModel' },
        { id: 'b', kind: 'FineTune' },
      ],
      [{ from: 'b', to: 'a', type: 'FINE_TUNED_FROM', declared: true }],
    );
    expect(timeBreakpoints(graph)).toEqual([]);
    expect(timeBreakpoints(graph, [NO_START, NO_END])).toEqual([]);
  });

  it('between two breakpoints, any impact stays the same (random dated graphs)', () => {
    fc.assert(
      fc.property(randomCases({ dated: true }), (c) => {
        const { graph } = engineImpact(c);
        const breakpoints = timeBreakpoints(graph);
        const asked = dayNumber(c.asOf!);
        // The last breakpoint on or before the day asked, or any earlier day before the first.
        const periodStart =
          [...breakpoints].reverse().find((day) => day <= asked) ?? (breakpoints[0] ?? asked) - 30;
        const summaryOn = (day: number) => {
          const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
          const { graph: g, impact } = engineImpact({ ...c, asOf: iso });
          return impactSummary(g, impact);
        };
        expect(summaryOn(asked)).toEqual(summaryOn(periodStart));
      }),
      { numRuns: 200 },
    );
  });
});

/** A random step function over days: breakpoints and a value (or nothing) per period. */
const stepFunctions = fc
  .uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 10 })
  .map((days) => days.sort((a, b) => a - b))
  .chain((breakpoints) =>
    fc.record({
      breakpoints: fc.constant(breakpoints),
      values: fc.array(fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }), {
        minLength: breakpoints.length + 1,
        maxLength: breakpoints.length + 1,
      }),
    }),
  );

/** The value on a day: that of the period the day falls in. */
const stepValue = (breakpoints: number[], values: (string | undefined)[], day: number) =>
  values[breakpoints.filter((b) => b <= day).length];

describe('periodsOf', () => {
  it('joins neighbouring periods of the same value and leaves out those without one', () => {
    const breakpoints = [10, 20, 30, 40];
    const values = ['a', 'a', undefined, 'a', 'b'];
    const periods = periodsOf(breakpoints, (day) => stepValue(breakpoints, values, day), Object.is);
    expect(periods).toEqual([
      { from: NO_START, to: 20, value: 'a' },
      { from: 30, to: 40, value: 'a' },
      { from: 40, to: NO_END, value: 'b' },
    ]);
  });

  it('with no breakpoints, gives one period, open at both ends, or none', () => {
    expect(periodsOf([], () => 'x', Object.is)).toEqual([
      { from: NO_START, to: NO_END, value: 'x' },
    ]);
    expect(periodsOf([], () => undefined, Object.is)).toEqual([]);
  });

  it('asks once per period, on a day inside it', () => {
    const asked: number[] = [];
    periodsOf([5, 9], (day) => (asked.push(day), 1), Object.is);
    expect(asked).toHaveLength(3);
    const [before, middle, after] = asked as [number, number, number];
    expect(before).toBeLessThan(5);
    expect(middle).toBeGreaterThanOrEqual(5);
    expect(middle).toBeLessThan(9);
    expect(after).toBeGreaterThanOrEqual(9);
  });

  it('compares values with the given equality, keeping the first of a joined run', () => {
    const periods = periodsOf(
      [3],
      (day) => ({ level: 'CERTAIN', day }),
      (a, b) => a.level === b.level,
    );
    expect(periods).toEqual([{ from: NO_START, to: NO_END, value: { level: 'CERTAIN', day: 2 } }]);
  });

  it('gives, day by day, exactly the step function: ascending, disjoint, maximal periods', () => {
    fc.assert(
      fc.property(stepFunctions, ({ breakpoints, values }) => {
        const periods = periodsOf(
          breakpoints,
          (day) => stepValue(breakpoints, values, day),
          Object.is,
        );
        for (let day = -5; day <= 45; day++) {
          const holding = periods.filter((p) => p.from <= day && day < p.to);
          const want = stepValue(breakpoints, values, day);
          expect(holding.map((p) => p.value)).toEqual(want === undefined ? [] : [want]);
        }
        periods.forEach((period, i) => {
          expect(period.from).toBeLessThan(period.to);
          const next = periods[i + 1];
          if (!next) return;
          expect(period.to).toBeLessThanOrEqual(next.from);
          // Touching periods differ: otherwise they would have been joined.
          if (period.to === next.from) expect(period.value).not.toBe(next.value);
        });
      }),
      { numRuns: 500 },
    );
  });
});
