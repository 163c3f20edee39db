import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINEAGE_KINDS } from '../kinds';
import { LINEAGE_RELATIONS } from '../relations';
import { dayNumber } from '../validity';
import { computeImpact } from './compute-impact';
import { ImpactView } from './impact-view';
import {
  applyLineageDeltas,
  compactLineageGraph,
  lineageEdgesOf,
  lineageNodesOf,
  type LineageDelta,
} from './lineage-delta';
import { nodeIndex, type LineageGraph } from './lineage-graph';
import { graphOfCase } from './testing/brute-force-impact';
import { randomCases, type Case } from './testing/random-lineage';
import { referenceLineageDeltas } from './testing/reference-lineage-deltas';

/** Ids the deltas draw from: the case's, and a few it does not have (appended nodes). */
const EXTRA = ['a-new', 'm-new', 'zz-new'];
const DAYS = ['2024-02-25', '2024-02-28', '2024-03-01', '2024-03-04', '2024-03-08'];
const maybeDay = fc.option(fc.constantFrom(...DAYS), { nil: undefined });

const deltaOf = (ids: string[]): fc.Arbitrary<LineageDelta> => {
  const id = fc.constantFrom(...ids, ...EXTRA);
  const key = { from: id, to: id, type: fc.constantFrom(...LINEAGE_RELATIONS) };
  return fc.record({
    version: fc.nat(),
    nodes: fc.array(
      fc.record({
        id,
        kind: fc.constantFrom(...LINEAGE_KINDS),
        releasedAt: maybeDay,
        retiredAt: fc.constant(undefined),
      }),
      { maxLength: 3 },
    ),
    edges: fc.array(
      fc
        .record({ ...key, declared: fc.boolean(), validFrom: maybeDay, validTo: maybeDay })
        .filter((e) => e.from !== e.to && !(e.validFrom && e.validTo && e.validTo <= e.validFrom)),
      { maxLength: 4 },
    ),
    removedNodes: fc.array(id, { maxLength: 2 }),
    removedEdges: fc.array(fc.record(key), { maxLength: 2 }),
  });
};

const scenario = randomCases({ dated: true }).chain((c) =>
  fc.record({
    c: fc.constant(c),
    batches: fc.array(fc.array(deltaOf(c.ids), { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 4,
    }),
    origin: fc.constantFrom(...c.ids, ...EXTRA),
    mitigating: fc.subarray([...c.ids, ...EXTRA], { maxLength: 2 }),
    asOf: maybeDay,
  }),
);

const graphOf = (c: Case) => graphOfCase(c, (node) => LINEAGE_KINDS[node % LINEAGE_KINDS.length]!);

const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : 1));
const edgeSet = (graph: LineageGraph) =>
  lineageEdgesOf(graph)
    .map((e) => JSON.stringify([e.from, e.type, e.to, e.declared, e.validFrom, e.validTo]))
    .sort();

/** Everything a query can read of one impact, by id. */
function answer(graph: LineageGraph, s: { origin: string; mitigating: string[]; asOf?: string }) {
  const origin = nodeIndex(graph, s.origin);
  if (origin < 0) return undefined;
  const mitigating = s.mitigating
    .filter((id) => id !== s.origin)
    .map((id) => nodeIndex(graph, id))
    .filter((node) => node >= 0);
  const impact = computeImpact(
    graph,
    { category: 'JAILBREAK', status: 'OPEN', origins: [origin] },
    { mitigating, asOf: s.asOf === undefined ? undefined : dayNumber(s.asOf) },
  );
  const view = new ImpactView(impact);
  return {
    nodes: byId(lineageNodesOf(graph)).map(({ id }) => {
      const node = nodeIndex(graph, id);
      return [id, impact.levelOf(node), impact.distanceOf(node), impact.isMitigated(node)];
    }),
    witnesses: byId(lineageNodesOf(graph)).map(({ id }) =>
      impact.witness(nodeIndex(graph, id)).map((node) => graph.ids[node]),
    ),
    exposed: [...impact.exposed].map((node) => graph.ids[node]),
    totals: view.totals(),
    byDistance: view.byDistance(),
    byRelation: view.byRelation(),
    page: view.page({}, 1, 6),
  };
}

describe('applyLineageDeltas (overlay) against the reference that rebuilds', () => {
  it('gives the same lineage and the same impact after any sequence of deltas', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        let fast = graphOf(s.c);
        let reference = fast;
        const before = answer(fast, s);
        for (const batch of s.batches) {
          const previous = fast;
          const previousAnswer = answer(previous, s);
          fast = applyLineageDeltas(fast, batch);
          reference = referenceLineageDeltas(reference, batch);
          // The previous graph is left as it was for queries still holding it.
          expect(answer(previous, s)).toEqual(previousAnswer);
          // A second graph made from the previous one (two catch-ups from one held graph)
          // agrees, and leaves the first as it was, though they shared the ids array.
          const fastAnswer = answer(fast, s);
          expect(answer(applyLineageDeltas(previous, batch), s)).toEqual(fastAnswer);
          expect(answer(fast, s)).toEqual(fastAnswer);
          expect(byId(lineageNodesOf(fast))).toEqual(byId(lineageNodesOf(reference)));
          expect(edgeSet(fast)).toEqual(edgeSet(reference));
          expect(answer(fast, s)).toEqual(answer(reference, s));
        }
        expect(answer(compactLineageGraph(fast), s)).toEqual(answer(reference, s));
        expect(answer(graphOf(s.c), s)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
