import { describe, expect, it } from 'vitest';
import { DEFECT_CATEGORIES } from '../defects';
import { DomainError } from '../errors';
import { LINEAGE_RELATIONS, type LineageRelation } from '../relations';
import { DEFAULT_TRANSMISSION } from '../transmission';
import { computeImpact, type DefectSpec } from './compute-impact';
import { buildLineageGraph, nodeIndex, type LineageEdgeInput } from './lineage-graph';

const ANY_KIND = 'FineTune' as const;

/** A graph from `child -> parent` edge specs such as 'b FINE_TUNED_FROM a'. */
function graphOf(specs: string[], extraNodes: string[] = []) {
  const edges: LineageEdgeInput[] = specs.map((spec) => {
    const [from, type, to, declared] = spec.split(' ');
    return {
      from: from!,
      type: type as LineageRelation,
      to: to!,
      declared: declared !== 'inferred',
    };
  });
  const ids = new Set([...extraNodes, ...edges.flatMap((edge) => [edge.from, edge.to])]);
  const graph = buildLineageGraph(
    [...ids].map((id) => ({ id, kind: ANY_KIND })),
    edges,
  );
  return { graph, at: (id: string) => nodeIndex(graph, id) };
}

function impactOf(
  specs: string[],
  defect: Partial<Omit<DefectSpec, 'origins'>> & { origins: string[] },
  options: { mitigating?: string[]; maxDepth?: number } = {},
) {
  const { graph, at } = graphOf(specs);
  const impact = computeImpact(
    graph,
    { category: 'JAILBREAK', status: 'OPEN', ...defect, origins: defect.origins.map(at) },
    { mitigating: (options.mitigating ?? []).map(at), maxDepth: options.maxDepth },
  );
  const view = (id: string) => ({
    level: impact.levelOf(at(id)),
    distance: impact.distanceOf(at(id)),
    path: impact.witness(at(id)).map((node) => graph.ids[node]),
  });
  return { impact, graph, view, at };
}

describe('every cell of the transmission matrix, through one edge', () => {
  for (const relation of LINEAGE_RELATIONS) {
    for (const category of DEFECT_CATEGORIES) {
      const expected = DEFAULT_TRANSMISSION[relation][category];
      it(`${relation} carries ${category} at ${expected}`, () => {
        const { view } = impactOf([`child ${relation} parent`], {
          category,
          origins: ['parent'],
        });
        expect(view('parent').level).toBe('CONFIRMED');
        expect(view('child').level).toBe(expected);
        expect(view('child').distance).toBe(expected === 'NONE' ? -1 : 1);
      });
    }
  }
});

describe('computeImpact', () => {
  it('refuses an origin that mitigates its own defect', () => {
    expect(() =>
      impactOf(['b FINE_TUNED_FROM a'], { origins: ['a'] }, { mitigating: ['a'] }),
    ).toThrow(DomainError);
  });

  it('gives a withdrawn defect no impact at all', () => {
    const { impact } = impactOf(['b QUANTIZED_FROM a'], { origins: ['a'], status: 'WITHDRAWN' });
    expect([...impact.exposed]).toEqual([]);
    expect(impact.levelOf(0)).toBe('NONE');
  });

  it('takes the level from a longer strong path and the distance from that path', () => {
    // a -> x (distilled, LIKELY for JAILBREAK) is short; a -> q -> f -> x stays CERTAIN.
    const { view } = impactOf(
      ['x DISTILLED_FROM a', 'q QUANTIZED_FROM a', 'f FINE_TUNED_FROM q', 'x FINE_TUNED_FROM f'],
      { origins: ['a'] },
    );
    expect(view('x')).toEqual({ level: 'CERTAIN', distance: 3, path: ['a', 'q', 'f', 'x'] });
  });

  it('caps an inferred edge at LIKELY', () => {
    const { view } = impactOf(['b QUANTIZED_FROM a inferred'], { origins: ['a'] });
    expect(view('b').level).toBe('LIKELY');
  });

  it('reports a mitigating node with the level it would have had, and passes nothing on', () => {
    const { impact, view, at } = impactOf(
      ['b FINE_TUNED_FROM a', 'c QUANTIZED_FROM b', 'd DEPLOYS c'],
      { origins: ['a'] },
      { mitigating: ['c'] },
    );
    expect(impact.isMitigated(at('c'))).toBe(true);
    expect(view('c').level).toBe('CERTAIN');
    expect(view('d').level).toBe('NONE');
    expect([...impact.mitigated]).toEqual([at('c')]);
    expect([...impact.exposed]).not.toContain(at('c'));
  });

  it('stops at the depth limit', () => {
    const { view } = impactOf(
      ['b FINE_TUNED_FROM a', 'c FINE_TUNED_FROM b'],
      { origins: ['a'] },
      {
        maxDepth: 1,
      },
    );
    expect(view('b').level).toBe('CERTAIN');
    expect(view('c').level).toBe('NONE');
  });

  it('breaks ties between equal witnesses by the smallest predecessor id', () => {
    const { view } = impactOf(
      ['m2 FINE_TUNED_FROM a', 'm1 FINE_TUNED_FROM a', 'z MERGED_FROM m2', 'z MERGED_FROM m1'],
      { origins: ['a'] },
    );
    expect(view('z').path).toEqual(['a', 'm1', 'z']);
  });

  it('breaks ties by id for a level gained after the node was first reached', () => {
    // z is first reached over a POSSIBLE edge (from m0), then CERTAIN from m9 and from m5, all
    // three at distance 2: the CERTAIN witness goes through the smaller id of m5 and m9.
    const { view } = impactOf(
      [
        'p1 QUANTIZED_FROM a',
        'p2 QUANTIZED_FROM a',
        'm0 QUANTIZED_FROM p1',
        'm9 QUANTIZED_FROM p1',
        'm5 QUANTIZED_FROM p2',
        'z DEPENDS_ON m0',
        'z QUANTIZED_FROM m9',
        'z QUANTIZED_FROM m5',
      ],
      { origins: ['a'] },
    );
    expect(view('z')).toEqual({ level: 'CERTAIN', distance: 3, path: ['a', 'p2', 'm5', 'z'] });
  });

  it("applies a defect's transmission overrides", () => {
    const { view } = impactOf(['b DISTILLED_FROM a'], {
      origins: ['a'],
      category: 'BACKDOOR',
      transmission: { DISTILLED_FROM: 'CERTAIN' },
    });
    expect(view('b').level).toBe('CERTAIN');
  });

  it('orders exposed nodes by level, then distance, then id', () => {
    const { impact, graph } = impactOf(
      ['b DISTILLED_FROM a', 'c QUANTIZED_FROM a', 'd QUANTIZED_FROM c', 'e DEPENDS_ON a'],
      { origins: ['a'] },
    );
    const order = [...impact.exposed].map((node) => graph.ids[node]);
    expect(order).toEqual(['a', 'c', 'd', 'b', 'e']);
    expect(impact.totals().byLevel).toMatchObject({
      CONFIRMED: 1,
      CERTAIN: 2,
      LIKELY: 1,
      POSSIBLE: 1,
    });
  });
});

describe('chains deeper than a byte counts', () => {
  it('reports distances and witness paths past 255 hops', () => {
    const id = (i: number) => `m${String(i).padStart(4, '0')}`;
    const chain = Array.from({ length: 300 }, (_, i) => `${id(i + 1)} FINE_TUNED_FROM ${id(i)}`);
    const { view } = impactOf(chain, { origins: [id(0)] });
    expect(view(id(255)).distance).toBe(255);
    expect(view(id(300)).distance).toBe(300);
    expect(view(id(300)).path).toEqual(Array.from({ length: 301 }, (_, i) => id(i)));
  });
});
