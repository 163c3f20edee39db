import { describe, expect, it } from 'vitest';
import { idSlug, nameKey } from './names';

describe('nameKey', () => {
  it('ignores case, punctuation, spacing and an owner prefix', () => {
    expect(nameKey('LLaMA 2')).toBe('llama2');
    expect(nameKey('Llama-2')).toBe('llama2');
    expect(nameKey('meta-llama/Llama-2')).toBe('llama2');
    expect(nameKey('GPT-3.5 Turbo')).toBe('gpt35turbo');
  });

  it('reads "+" as "plus", so that Command R+ is not Command R', () => {
    expect(nameKey('Command R+')).toBe('commandrplus');
    expect(nameKey('Command R+')).toBe(nameKey('Command R Plus'));
    expect(nameKey('Command R+')).not.toBe(nameKey('Command R'));
  });

  it('keeps letters of any script', () => {
    expect(nameKey('通义千问 Qwen')).toBe('通义千问qwen');
  });
});

describe('idSlug', () => {
  it('takes the last segment of an id', () => {
    expect(idSlug('model:meta-llama/Llama-2-7b-hf')).toBe('Llama-2-7b-hf');
    expect(idSlug('provider:openai')).toBe('openai');
  });
});
