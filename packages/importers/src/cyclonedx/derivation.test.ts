import { describe, expect, it } from 'vitest';
import { deriveFrom, kindFromDerivations } from './derivation';

const named = (...names: string[]) => ({ names });

describe('how a BOM model derives from its ancestor', () => {
  it.each([
    ['Llama-3.1-8B-Instruct-GGUF', 'Q4_K_M'],
    ['Mistral-7B-Instruct-v0.2', 'Q8_0'],
    ['llama-3-8b-Instruct-bnb-4bit', undefined],
    ['Llama-3.1-8B-Instruct-AWQ', undefined],
    ['Llama-3.1-8B-Instruct-exl2', '6.5bpw'],
    ['Meta-Llama-3.1-8B-Instruct-int4', undefined],
    ['Llama-3.1-8B-Instruct-8bit', undefined],
  ])('reads %s (%s) as a quantization, inferred', (name, version) => {
    const model = named(name, ...(version ? [version] : []));
    expect(deriveFrom(model, named('Llama-3.1-8B-Instruct'), 1)).toMatchObject({
      type: 'QUANTIZED_FROM',
      inferred: true,
    });
  });

  it('reads no marker inside a word: Guard is no GGUF, Legit no -it', () => {
    expect(deriveFrom(named('Llama-Guard-3-8B'), named('Llama-3.1-8B'), 1).type).toBe('DEPENDS_ON');
    expect(deriveFrom(named('Legit-7B'), named('Base-7B'), 1).type).toBe('DEPENDS_ON');
  });

  it('takes a marker only where the ancestor lacks it: an Instruct of an Instruct says nothing', () => {
    expect(deriveFrom(named('Support-7B-Instruct'), named('Base-7B-Instruct'), 1)).toEqual({
      type: 'DEPENDS_ON',
      inferred: false,
    });
  });

  it('reads adapters, merges and fine-tunes, and the model card approach', () => {
    expect(deriveFrom(named('support-lora'), named('Base-7B'), 1).type).toBe('ADAPTER_OF');
    expect(deriveFrom(named('Two-Merge-7B'), named('A-7B'), 2).type).toBe('MERGED_FROM');
    // One ancestor is no merge, whatever the name says.
    expect(deriveFrom(named('Two-Merge-7B'), named('A-7B'), 1).type).toBe('DEPENDS_ON');
    expect(deriveFrom(named('Base-7B-sft'), named('Base-7B'), 1).type).toBe('FINE_TUNED_FROM');
    expect(
      deriveFrom({ names: ['Tuned'], approach: 'reinforcement-learning' }, named('Base'), 1),
    ).toMatchObject({ type: 'FINE_TUNED_FROM', inferred: true });
    expect(
      deriveFrom({ names: ['Continued'], approach: 'self-supervised' }, named('Base'), 1).type,
    ).toBe('DEPENDS_ON');
  });

  it('files the kind the strongest relation says, and no base model for a derived one', () => {
    expect(kindFromDerivations(['MERGED_FROM', 'MERGED_FROM'])).toBe('Merge');
    expect(kindFromDerivations(['QUANTIZED_FROM'])).toBe('Quantization');
    expect(kindFromDerivations(['DEPENDS_ON'])).toBe('FineTune');
    expect(kindFromDerivations([])).toBe('BaseModel');
  });
});
