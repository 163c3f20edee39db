import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const IMPACT = `
  query ImpactAggregates($id: ID!, $first: Int, $distance: Int, $relation: LineageRelation) {
    impact(defectId: $id, first: $first, distance: $distance, relation: $relation) {
      totals {
        exposed
        byLevel { level count }
        byDistance { distance count }
        byRelation { relation count }
      }
      exposed {
        totalCount
        edges {
          node {
            node { id }
            level
            distance
            path { id }
            hops { node { id } level distance relation declared transmits }
          }
        }
      }
    }
  }`;

type Hop = {
  node: { id: string };
  level: string;
  distance: number;
  relation: string;
  declared: boolean;
  transmits: string;
};
type Row = {
  node: { id: string };
  level: string;
  distance: number;
  path: { id: string }[];
  hops: Hop[];
};

async function impact(id: string, extra: Record<string, unknown> = {}) {
  const { body } = await api.gql(IMPACT, { id, first: 200, ...extra });
  expect(body.errors).toBeUndefined();
  return body.data.impact as {
    totals: {
      exposed: number;
      byDistance: { distance: number; count: number }[];
      byRelation: { relation: string; count: number }[];
    };
    exposed: { totalCount: number; edges: { node: Row }[] };
  };
}

const rowOf = (result: Awaited<ReturnType<typeof impact>>, id: string) =>
  result.exposed.edges.find((edge) => edge.node.node.id === id)?.node;

describe('the hops of a witness path', () => {
  it('names the relation and the rule of each hop: BIAS crosses a distillation at LIKELY, a deployment at CERTAIN', async () => {
    const row = rowOf(await impact('defect:FMD-2026-0008'), 'deployment:cloudflare/workers-ai');
    expect(row?.hops).toEqual([
      {
        node: { id: 'model:deepseek-ai/DeepSeek-R1-Distill-Qwen-32B' },
        level: 'LIKELY',
        distance: 1,
        relation: 'DISTILLED_FROM',
        declared: true,
        transmits: 'LIKELY',
      },
      {
        node: { id: 'deployment:cloudflare/workers-ai' },
        level: 'LIKELY',
        distance: 2,
        relation: 'DEPLOYS',
        declared: true,
        transmits: 'CERTAIN',
      },
    ]);
  });

  it('marks an inferred fine-tune and caps what it transmits at LIKELY', async () => {
    const row = rowOf(await impact('defect:FMD-2026-0011'), 'model:lmsys/vicuna-13b-v1.5');
    expect(row?.hops).toEqual([
      expect.objectContaining({
        relation: 'FINE_TUNED_FROM',
        declared: false,
        transmits: 'LIKELY',
      }),
    ]);
  });

  it('gives every exposed node one hop per step of its path, ending at the node', async () => {
    const result = await impact('defect:FMD-2026-0011');
    for (const { node: row } of result.exposed.edges) {
      expect(row.hops).toHaveLength(row.path.length - 1);
      expect(row.hops.map((hop) => hop.node.id)).toEqual(row.path.slice(1).map((n) => n.id));
      if (row.hops.length) expect(row.hops.at(-1)).toMatchObject({ level: row.level });
    }
  });
});

describe('the aggregates of an impact', () => {
  it('counts every exposed node once by distance, and every non-origin once by relation', async () => {
    const result = await impact('defect:FMD-2026-0011');
    const sum = (counts: { count: number }[]) => counts.reduce((total, c) => total + c.count, 0);
    expect(sum(result.totals.byDistance)).toBe(result.totals.exposed);
    const origins = result.totals.byDistance.find((c) => c.distance === 0)?.count ?? 0;
    expect(sum(result.totals.byRelation)).toBe(result.totals.exposed - origins);
  });

  it('pages one distance or one relation as the aggregates count them', async () => {
    const whole = await impact('defect:FMD-2026-0011');
    const hop1 = whole.totals.byDistance.find((c) => c.distance === 1)!;
    const atHop1 = await impact('defect:FMD-2026-0011', { distance: 1 });
    expect(atHop1.exposed.totalCount).toBe(hop1.count);
    expect(atHop1.exposed.edges.every((edge) => edge.node.distance === 1)).toBe(true);
    expect(atHop1.totals.exposed).toBe(whole.totals.exposed);

    const top = whole.totals.byRelation[0]!;
    const overTop = await impact('defect:FMD-2026-0011', { relation: top.relation });
    expect(overTop.exposed.totalCount).toBe(top.count);
    expect(
      overTop.exposed.edges.every((edge) => edge.node.hops.at(-1)?.relation === top.relation),
    ).toBe(true);
  });
});
