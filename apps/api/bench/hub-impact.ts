import {
  DEFECT_CATEGORIES,
  entityInputSchema,
  relationshipInputSchema,
  type DefectCategory,
} from '@lineage/domain';
import type { GraphStore } from '@lineage/graph-store';
import { graphql } from '@lineage/testkit';
import { IMPACT, IMPACT_AS_OF } from './queries';
import type { Hub } from './floor';
import { timed } from './stats';

export interface BenchDefect {
  id: string;
  hub: Hub;
  category: DefectCategory;
}

/** One defect per hub, the categories in turn; writing them again changes nothing. */
export async function fileBenchDefects(store: GraphStore, hubs: Hub[]): Promise<BenchDefect[]> {
  const defects = hubs.map((hub, i) => ({
    id: `defect:BENCH-${String(i + 1).padStart(2, '0')}`,
    hub,
    category: DEFECT_CATEGORIES[i % DEFECT_CATEGORIES.length]!,
  }));
  const batch = {
    nodes: defects.map((defect) =>
      entityInputSchema.parse({
        id: defect.id,
        kind: 'Defect',
        name: `Benchmark defect on ${defect.hub.id}`,
        category: defect.category,
        severity: 'HIGH',
      }),
    ),
    relationships: defects.map((defect) =>
      relationshipInputSchema.parse({ type: 'AFFECTS', from: defect.id, to: defect.hub.id }),
    ),
  };
  await store.write(batch, { by: 'bench', action: 'bench defects', summary: 'one per hub' });
  return defects;
}

export interface ImpactSample {
  defect: BenchDefect;
  ms: number;
  exposed: number;
  /** No answer within the cap: `ms` is the cap. */
  capped?: boolean;
}

/**
 * Each defect's impact (totals and first page) through GraphQL, `rounds` times. With `capMs`, a query that gets no answer within it
 * (a Cypher closure at 5M) is counted at the cap and marked, instead of ending the run.
 */
export async function measureImpacts(
  url: string,
  defects: BenchDefect[],
  rounds: number,
  capMs?: number,
): Promise<ImpactSample[]> {
  const samples: ImpactSample[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const defect of defects) {
      const query = () =>
        graphql<{ impact: { totals: { exposed: number } } }>(
          url,
          IMPACT,
          { id: defect.id },
          capMs ? { timeoutMs: capMs } : {},
        );
      const answer = await timed(query).catch((error: unknown) => {
        if (!capMs) throw error;
        return undefined;
      });
      samples.push(
        answer
          ? { defect, ms: answer.ms, exposed: answer.value.impact.totals.exposed }
          : { defect, ms: capMs!, exposed: Number.NaN, capped: true },
      );
    }
  }
  return samples;
}

export interface AsOfPair {
  defect: BenchDefect;
  /** The impact without asOf, and the same query with asOf set. */
  without: { ms: number; exposed: number };
  asOf: { ms: number; exposed: number };
}

/**
 * Each defect's impact without asOf and with it, one right after the other (which goes first
 * alternates by round), so both meet the same JIT, garbage and cache state.
 */
export async function measureImpactPairs(
  url: string,
  defects: BenchDefect[],
  rounds: number,
  asOf: string,
): Promise<AsOfPair[]> {
  type Answer = { impact: { totals: { exposed: number } } };
  const plain = async (defect: BenchDefect) => {
    const { ms, value } = await timed(() => graphql<Answer>(url, IMPACT, { id: defect.id }));
    return { ms, exposed: value.impact.totals.exposed };
  };
  const dated = async (defect: BenchDefect) => {
    const { ms, value } = await timed(() =>
      graphql<Answer>(url, IMPACT_AS_OF, { id: defect.id, asOf }),
    );
    return { ms, exposed: value.impact.totals.exposed };
  };
  const pairs: AsOfPair[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const defect of defects) {
      if (round % 2 === 0) {
        const without = await plain(defect);
        pairs.push({ defect, without, asOf: await dated(defect) });
      } else {
        const asOfTimes = await dated(defect);
        pairs.push({ defect, without: await plain(defect), asOf: asOfTimes });
      }
    }
  }
  return pairs;
}
