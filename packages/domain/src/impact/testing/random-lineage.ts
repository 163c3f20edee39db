import fc from 'fast-check';
import { DEFECT_CATEGORIES, type DefectCategory } from '../../defects';
import { TRANSMISSION_LEVELS } from '../../exposure';
import { LINEAGE_RELATIONS, type LineageRelation } from '../../relations';
import type { TransmissionOverrides } from '../../transmission';

/** An ISO period, either end absent when open; `to` is the first day it no longer holds. */
export interface IsoPeriod {
  from?: string;
  to?: string;
}

export interface Case {
  ids: string[];
  /** Per node (same order as ids): the days it exists, [releasedAt, retiredAt). */
  nodePeriods: IsoPeriod[];
  edges: {
    child: number;
    parent: number;
    type: LineageRelation;
    declared: boolean;
    /** [validFrom, validTo) */
    period: IsoPeriod;
  }[];
  origins: number[];
  mitigating: number[];
  category: DefectCategory;
  withdrawn: boolean;
  overrides: TransmissionOverrides;
  maxDepth: number | undefined;
  /** The day asked for, an ISO date; undefined: whatever the dates. */
  asOf: string | undefined;
}

/**
 * Dates are drawn from a fortnight, and asOf from the same fortnight plus a day either side,
 * so asOf often falls exactly on a start or an end and the half-open bounds are exercised.
 */
const FIRST_DAY = Date.UTC(2024, 1, 26); // crosses 29 February: ISO dates, not day arithmetic
const dayOf = (offset: number) =>
  new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);

/** A period in the fortnight: each end open with some chance, the end always after the start. */
const periods = (openStart: number, openEnd: number): fc.Arbitrary<IsoPeriod> =>
  fc
    .record({
      start: fc.integer({ min: 0, max: 12 }),
      length: fc.integer({ min: 1, max: 8 }),
      openStart: fc.integer({ min: 0, max: 99 }).map((roll) => roll < openStart),
      openEnd: fc.integer({ min: 0, max: 99 }).map((roll) => roll < openEnd),
    })
    .map(({ start, length, openStart: noStart, openEnd: noEnd }) => ({
      ...(noStart ? {} : { from: dayOf(start) }),
      ...(noEnd ? {} : { to: dayOf(start + length) }),
    }));

/**
 * Random DAGs shaped like lineage: mostly one parent, some merges, inferred edges, mitigations.
 * With `dated`, nodes and edges get random periods (some open-ended) and an asOf day is drawn.
 */
export const randomCases = ({ dated }: { dated: boolean }): fc.Arbitrary<Case> =>
  fc.integer({ min: 8, max: 30 }).chain((size) =>
    fc
      .record({
        // Ids are a random permutation, so id order differs from the topological order.
        ids: fc.shuffledSubarray(
          Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, '0')}`),
          { minLength: size, maxLength: size },
        ),
        parentCounts: fc.array(fc.constantFrom(0, 1, 1, 1, 1, 1, 2, 2, 3), {
          minLength: size,
          maxLength: size,
        }),
        parentPicks: fc.array(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), {
          minLength: size,
          maxLength: size,
        }),
        types: fc.array(fc.constantFrom(...LINEAGE_RELATIONS), {
          minLength: size * 3,
          maxLength: size * 3,
        }),
        declared: fc.array(fc.boolean(), { minLength: size * 3, maxLength: size * 3 }),
        // Nodes are mostly released on a known day and seldom retired; edges often open.
        nodePeriods: fc.array(dated ? periods(30, 70) : fc.constant({}), {
          minLength: size,
          maxLength: size,
        }),
        edgePeriods: fc.array(dated ? periods(40, 50) : fc.constant({}), {
          minLength: size * 3,
          maxLength: size * 3,
        }),
        origins: fc.uniqueArray(fc.nat({ max: size - 1 }), { minLength: 1, maxLength: 3 }),
        mitigating: fc.uniqueArray(fc.nat({ max: size - 1 }), { maxLength: 3 }),
        category: fc.constantFrom(...DEFECT_CATEGORIES),
        withdrawn: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0),
        overrides: fc.dictionary(
          fc.constantFrom(...LINEAGE_RELATIONS),
          fc.constantFrom(...TRANSMISSION_LEVELS),
          { maxKeys: 3 },
        ) as fc.Arbitrary<TransmissionOverrides>,
        maxDepth: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        asOf: dated
          ? fc.integer({ min: -1, max: 21 }).map(dayOf)
          : fc.constant<string | undefined>(undefined),
      })
      .map((raw): Case => {
        const edges: Case['edges'] = [];
        let slot = 0;
        for (let child = 1; child < size; child++) {
          const parents = new Set(
            raw.parentPicks[child]!.slice(0, raw.parentCounts[child]).map((p) => p % child),
          );
          for (const parent of parents) {
            edges.push({
              child,
              parent,
              type: raw.types[slot]!,
              declared: raw.declared[slot]! || slot % 5 !== 0,
              period: raw.edgePeriods[slot]!,
            });
            slot++;
          }
        }
        const mitigating = raw.mitigating.filter((node) => !raw.origins.includes(node));
        return {
          ids: raw.ids,
          nodePeriods: raw.nodePeriods,
          edges,
          origins: raw.origins,
          mitigating,
          category: raw.category,
          withdrawn: raw.withdrawn,
          overrides: raw.overrides,
          maxDepth: raw.maxDepth,
          asOf: raw.asOf,
        };
      }),
  );

/** The same case with every date removed. */
export const undated = (c: Case): Case => ({
  ...c,
  nodePeriods: c.nodePeriods.map(() => ({})),
  edges: c.edges.map((edge) => ({ ...edge, period: {} })),
});
