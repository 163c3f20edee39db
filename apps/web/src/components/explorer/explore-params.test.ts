import type { RelationType } from '../../generated/graphql';
import { describe, expect, it } from 'vitest';
import { exploreParamsSchema, MAX_EXPANSIONS, readExpansions, toSearch } from './explore-params';
import { expansionView, planExpansionRequests } from './expansion-requests';

const model = (i: number) => `model:org/m-${i}`;

describe('explorer URL parameters', () => {
  it('fills in the defaults for a URL that names only the focus', () => {
    expect(exploreParamsSchema.parse({ focus: 'model:a/b' })).toEqual({
      focus: 'model:a/b',
      direction: 'BOTH',
      depth: 2,
      max: 500,
      relations: [],
      hide: [],
      expand: [],
      open: [],
      selected: undefined,
    });
  });

  it('keeps a normal view as it is', () => {
    const params = exploreParamsSchema.parse({
      focus: 'model:meta-llama/Llama-2-7b-hf',
      direction: 'DOWNSTREAM',
      depth: '3',
      expand: 'model:a/b~UPSTREAM,deployment:c/d~DOWNSTREAM',
      hide: 'Quantization',
    });
    expect(params).toMatchObject({
      focus: 'model:meta-llama/Llama-2-7b-hf',
      direction: 'DOWNSTREAM',
      depth: 3,
      expand: ['model:a/b~UPSTREAM', 'deployment:c/d~DOWNSTREAM'],
      hide: ['Quantization'],
    });
  });

  it(`keeps at most ${MAX_EXPANSIONS} expansions of 300 and says how many it dropped`, () => {
    const text = Array.from({ length: 300 }, (_, i) => `${model(i)}~DOWNSTREAM`).join(',');
    const params = exploreParamsSchema.parse({ focus: model(0), expand: text });
    expect(params.expand).toEqual(
      Array.from({ length: MAX_EXPANSIONS }, (_, i) => `${model(i)}~DOWNSTREAM`),
    );
    expect(readExpansions(text)).toMatchObject({ overLimit: 300 - MAX_EXPANSIONS, invalid: [] });
  });

  it('drops repeats before counting, so repeats cannot crowd out real expansions', () => {
    const text = [...Array(50).fill(`${model(1)}~UPSTREAM`), `${model(2)}~UPSTREAM`].join(',');
    expect(readExpansions(text)).toEqual({
      kept: [`${model(1)}~UPSTREAM`, `${model(2)}~UPSTREAM`],
      invalid: [],
      overLimit: 0,
    });
  });

  it('drops entries that are not `<lineage id>~UPSTREAM|DOWNSTREAM`, naming them', () => {
    const bad = [
      'model:a/b',
      'model:a/b~SIDEWAYS',
      'defect:FMD-1~DOWNSTREAM',
      'provider:openai~DOWNSTREAM',
      'model:a b/c~UPSTREAM',
      `model:a/${'x'.repeat(300)}~UPSTREAM`,
      '~UPSTREAM',
    ];
    const result = readExpansions([...bad, 'dataset:c4~DOWNSTREAM'].join(','));
    expect(result.kept).toEqual(['dataset:c4~DOWNSTREAM']);
    expect(result.invalid).toEqual(bad);
  });

  it('reads a parameter given twice (a hand-made URL) instead of failing the page', () => {
    const params = exploreParamsSchema.parse({
      focus: ['model:a/b', 'model:c/d'],
      expand: ['model:a/b~UPSTREAM', 'model:c/d~DOWNSTREAM'],
    });
    expect(params.focus).toBe('model:a/b');
    expect(params.expand).toEqual(['model:a/b~UPSTREAM', 'model:c/d~DOWNSTREAM']);
  });

  it('writes back a URL that reads the same', () => {
    const params = exploreParamsSchema.parse({ focus: 'model:a/b', expand: 'model:c/d~UPSTREAM' });
    const again = exploreParamsSchema.parse(
      Object.fromEntries(new URLSearchParams(toSearch(params))),
    );
    expect(again).toEqual(params);
  });
});

describe('the requests an explorer URL makes', () => {
  it('asks the API a bounded number of times for 300 expansions, each expansion once', () => {
    const text = Array.from({ length: 300 }, (_, i) => `${model(i)}~DOWNSTREAM`).join(',');
    const params = exploreParamsSchema.parse({ focus: model(0), expand: text });
    const requests = planExpansionRequests(params.expand);
    expect(requests.length).toBeLessThanOrEqual(4);
    const asked = requests.flatMap((request) => Object.values(request.variables));
    expect(asked).toEqual(Array.from({ length: MAX_EXPANSIONS }, (_, i) => model(i)));
    // Each request stays within the API's alias limit (15).
    for (const request of requests)
      expect(request.query.match(/: node\(/g)?.length).toBeLessThanOrEqual(15);
  });

  it('asks nothing when there is nothing to expand', () => {
    expect(planExpansionRequests([])).toEqual([]);
  });

  it('adds what each expansion answers, skipping an id that no longer exists and hidden relations', () => {
    const node = (id: string) => ({ id, name: id, kind: 'FineTune' as const });
    const relationship = (type: RelationType, from: string, to: string) => ({
      type,
      declared: true,
      from: node(from),
      to: node(to),
    });
    const view = expansionView(
      [
        {
          e0: { parents: [relationship('FINE_TUNED_FROM', 'model:a/child', 'model:a/base')] },
          e1: null,
          e2: {
            children: {
              edges: [
                { node: relationship('QUANTIZED_FROM', 'model:q/gguf', 'model:a/child') },
                { node: relationship('FINE_TUNED_FROM', 'model:b/tune', 'model:a/child') },
              ],
            },
          },
        },
      ],
      ['FINE_TUNED_FROM'],
    );
    expect(view.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual([
      'model:a/child>model:a/base',
      'model:b/tune>model:a/child',
    ]);
    expect(new Set(view.nodes.map((n) => n.id))).toEqual(
      new Set(['model:a/child', 'model:a/base', 'model:b/tune']),
    );
  });
});
