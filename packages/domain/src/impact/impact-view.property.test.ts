import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeast, EXPOSURE_LEVELS, type ExposureLevel } from '../exposure';
import { LINEAGE_KINDS, type NodeKind } from '../kinds';
import { LINEAGE_RELATIONS, type LineageRelation } from '../relations';
import { ImpactView, type ImpactFilter } from './impact-view';
import { graphOfCase, impactOfCase } from './testing/brute-force-impact';
import { randomCases, type Case } from './testing/random-lineage';

const kindOf = (node: number): NodeKind => LINEAGE_KINDS[node % LINEAGE_KINDS.length]!;

/** The case's graph with kinds varied by node, and the engine's view of its impact. */
function viewOf(c: Case): ImpactView {
  return new ImpactView(impactOfCase(c, graphOfCase(c, kindOf)));
}

/**
 * Every exposed node, naively: each node asked for its level, distance and whole witness, then
 * sorted with a comparator, filtered with plain predicates.
 */
function naiveRows(view: ImpactView) {
  const { impact } = view;
  const graph = impact.graph;
  const rank = (level: ExposureLevel) => EXPOSURE_LEVELS.indexOf(level);
  return graph.ids
    .map((id, node) => {
      const edges = impact.witnessEdges(node);
      const last = edges[edges.length - 1];
      return {
        id,
        kind: graph.kinds[node],
        level: impact.levelOf(node),
        distance: impact.distanceOf(node),
        mitigated: impact.isMitigated(node),
        relation: last === undefined ? undefined : LINEAGE_RELATIONS[graph.edgeType[last]!],
        path: impact.witness(node).map((i) => graph.ids[i]),
      };
    })
    .filter((row) => row.level !== 'NONE' && !row.mitigated)
    .sort(
      (a, b) => rank(b.level) - rank(a.level) || a.distance - b.distance || (a.id < b.id ? -1 : 1),
    );
}

const filters: fc.Arbitrary<ImpactFilter> = fc.record(
  {
    minLevel: fc.constantFrom<ExposureLevel>('CONFIRMED', 'CERTAIN', 'LIKELY', 'POSSIBLE'),
    kinds: fc.subarray([...LINEAGE_KINDS]),
    distance: fc.nat(4),
    relation: fc.constantFrom<LineageRelation>(...LINEAGE_RELATIONS),
  },
  { requiredKeys: [] },
);

describe('ImpactView against a naive computation over every node', () => {
  it('pages, in order, exactly the filtered exposed nodes; counts them all', () => {
    fc.assert(
      fc.property(
        randomCases({ dated: true }),
        filters,
        fc.nat(12),
        fc.integer({ min: 1, max: 8 }),
        (c, filter, offset, first) => {
          const view = viewOf(c);
          const kinds = filter.kinds?.length ? filter.kinds : undefined;
          const matching = naiveRows(view).filter(
            (row) =>
              (!filter.minLevel || atLeast(row.level, filter.minLevel)) &&
              (!kinds || kinds.some((kind) => LINEAGE_KINDS.indexOf(kind) + 1 === row.kind)) &&
              (filter.distance === undefined || row.distance === filter.distance) &&
              (!filter.relation || row.relation === filter.relation),
          );
          const page = view.page(filter, offset, first);
          expect(page.totalCount).toBe(matching.length);
          expect(page.hasNextPage).toBe(offset + first < matching.length);
          expect(page.rows.map((row) => [row.id, row.level, row.distance, row.path])).toEqual(
            matching
              .slice(offset, offset + first)
              .map((row) => [row.id, row.level, row.distance, row.path]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('totals, by distance and by relation count what the rows say', () => {
    fc.assert(
      fc.property(randomCases({ dated: true }), (c) => {
        const view = viewOf(c);
        const rows = naiveRows(view);
        const count = <T>(key: (row: (typeof rows)[number]) => T) => {
          const counts = new Map<T, number>();
          for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
          return counts;
        };
        const totals = view.totals();
        expect(totals.exposed).toBe(rows.length);
        expect(totals.mitigated).toBe(view.mitigated().length);
        for (const { level, count: n } of totals.byLevel) {
          expect(n).toBe(count((row) => row.level).get(level) ?? 0);
        }
        expect(new Map(view.byDistance().map((d) => [d.distance, d.count]))).toEqual(
          count((row) => row.distance),
        );
        const relations = count((row) => row.relation);
        relations.delete(undefined);
        expect(new Map(view.byRelation().map((r) => [r.relation, r.count]))).toEqual(relations);
        expect(view.deployments().map((row) => row.id)).toEqual(
          rows.filter((row) => kindOf(c.ids.indexOf(row.id)) === 'Deployment').map((r) => r.id),
        );
      }),
      { numRuns: 300 },
    );
  });
});
