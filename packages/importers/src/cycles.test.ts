import fc from 'fast-check';
import { relationshipInputSchema } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { refuseCycles } from './cycles';

const link = (from: string, to: string, type = 'DEPENDS_ON') =>
  relationshipInputSchema.parse({ type, from, to });

describe('refuseCycles', () => {
  it('refuses every edge of a cycle and each self-loop, and keeps the rest', () => {
    const edges = [link('a', 'b'), link('b', 'c'), link('c', 'a'), link('c', 'd'), link('e', 'e')];
    const result = refuseCycles(edges);
    expect(result.onCycles.map((r) => `${r.from}>${r.to}`).sort()).toEqual(['a>b', 'b>c', 'c>a']);
    expect(result.selfLoops.map((r) => r.from)).toEqual(['e']);
    expect(result.kept.map((r) => `${r.from}>${r.to}`)).toEqual(['c>d']);
  });

  it('ignores relationships that are not lineage', () => {
    const result = refuseCycles([link('d', 'm', 'AFFECTS'), link('m', 'd', 'MITIGATES')]);
    expect(result.kept).toHaveLength(2);
  });

  it('gives the same answer whatever the order of the edges', () => {
    const node = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const orders = fc
      .array(fc.tuple(node, node), { maxLength: 14 })
      .chain((pairs) =>
        fc.tuple(
          fc.constant(pairs),
          fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }),
        ),
      );
    const key = (r: { from: string; to: string }) => `${r.from}>${r.to}`;
    fc.assert(
      fc.property(orders, ([pairs, permuted]) => {
        const a = refuseCycles(pairs.map(([from, to]) => link(from, to)));
        const b = refuseCycles(permuted.map(([from, to]) => link(from, to)));
        expect(a.onCycles.map(key).sort()).toEqual(b.onCycles.map(key).sort());
        expect(a.kept.map(key).sort()).toEqual(b.kept.map(key).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('refuses exactly the edges whose parent reaches back to their child', () => {
    const node = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    const reaches = (pairs: [string, string][], from: string, to: string) => {
      const seen = new Set([from]);
      const queue = [from];
      for (let v = queue.shift(); v !== undefined; v = queue.shift())
        for (const [a, b] of pairs)
          if (a === v && !seen.has(b)) {
            seen.add(b);
            queue.push(b);
          }
      return seen.has(to);
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(node, node), { maxLength: 16 }), (pairs) => {
        const { onCycles } = refuseCycles(pairs.map(([from, to]) => link(from, to)));
        const expected = pairs.filter(([from, to]) => from !== to && reaches(pairs, to, from));
        expect(onCycles.map((r) => [r.from, r.to])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
