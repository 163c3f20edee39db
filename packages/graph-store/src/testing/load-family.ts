import type { LoadItem } from '../bulk-load';
import { link, node } from './builders';

/**
 * Records for the bulk and offline loads' tests: a provider's base model, then `size` models
 * each derived from an earlier one (dated, some with parameters, quoted names), then an app.
 */
export function* loadFamily(name: string, size: number): Generator<LoadItem> {
  const provider = `provider:${name}`;
  const model = (i: number) => `model:${name}/m${i}`;
  const day = (i: number) => `2023-${String((i % 12) + 1).padStart(2, '0')}-01`;
  yield { node: node({ id: provider, kind: 'Provider', name }) };
  for (let i = 0; i < size; i++) {
    const kind = i === 0 ? 'BaseModel' : i % 3 ? 'FineTune' : 'Quantization';
    yield {
      node: node({
        id: model(i),
        kind,
        name: i % 7 ? `${name} ${i}` : `${name} "${i}", tuned`,
        aliases: i % 2 ? [`${name}-${i}`, `${name}; ${i}`] : [],
        ...(i % 5 ? {} : { parameters: 7_000_000_000 + i, releasedAt: day(i) }),
      }),
    };
    yield { relationship: link('DEVELOPED_BY', model(i), provider) };
    if (i > 0) {
      const type = kind === 'FineTune' ? 'FINE_TUNED_FROM' : 'QUANTIZED_FROM';
      const dates = i % 4 ? {} : { validFrom: day(i) };
      yield { relationship: link(type, model(i), model(Math.floor((i - 1) / 2)), dates) };
    }
  }
  yield { node: node({ id: `deployment:${name}/app`, kind: 'Deployment', name: `${name} app` }) };
  yield {
    relationship: link('DEPLOYS', `deployment:${name}/app`, model(size - 1), {
      declared: false,
      validFrom: '2024-01-01',
      validTo: '2025-06-30',
    }),
  };
}
