import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectEngineAgreesWithBruteForce } from './testing/brute-force-impact';
import { randomCases } from './testing/random-lineage';

describe('the impact engine against a brute-force enumeration of paths', () => {
  it('agrees on every level, distance and witness path', () => {
    fc.assert(
      fc.property(randomCases({ dated: false }), (c) => expectEngineAgreesWithBruteForce(c)),
      { numRuns: 300 },
    );
  });
});
