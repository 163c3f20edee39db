import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  engineImpact,
  expectEngineAgreesWithBruteForce,
  impactSummary,
} from './testing/brute-force-impact';
import { randomCases, undated } from './testing/random-lineage';

/** Cases whose nodes and edges carry random periods, some open-ended, asked on a random day. */
const datedCases = randomCases({ dated: true });

const summaryOf = (c: Parameters<typeof engineImpact>[0]) => {
  const { graph, impact } = engineImpact(c);
  return impactSummary(graph, impact);
};

describe('the impact engine as of a day, against a brute-force enumeration of dated paths', () => {
  it('agrees on every level, distance and witness path on the day asked', () => {
    fc.assert(
      fc.property(datedCases, (c) => expectEngineAgreesWithBruteForce(c)),
      { numRuns: 500 },
    );
  });

  it('without asOf, ignores every date: the same impact as the graph without dates', () => {
    fc.assert(
      fc.property(datedCases, (c) => {
        const anyTime = { ...c, asOf: undefined };
        expect(summaryOf(anyTime)).toEqual(summaryOf(undated(anyTime)));
      }),
      { numRuns: 200 },
    );
  });

  it('on a graph without dates, asOf changes nothing', () => {
    fc.assert(
      fc.property(datedCases, (c) => {
        const noDates = undated(c);
        expect(summaryOf(noDates)).toEqual(summaryOf({ ...noDates, asOf: undefined }));
      }),
      { numRuns: 200 },
    );
  });
});
