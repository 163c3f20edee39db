import { describe, expect, it } from 'vitest';
import { organisations } from '../identity/organisations-index';
import { mayBeCopy, nameForm, repoOf, ReuploadFinder } from './re-uploads';

const meta = organisations.ofHubOwner('meta-llama')!;
const deepseek = organisations.ofHubOwner('deepseek-ai')!;

describe('nameForm', () => {
  it('drops quantization suffixes, then format suffixes, and a leading word naming the vendor', () => {
    expect(nameForm('llama-3-8b-Instruct-unsloth-bnb-4bit', meta, organisations)).toEqual({
      whole: 'llama-3-8b-instruct-unsloth',
      exact: 'llama-3-8b-instruct-unsloth',
      loose: 'llama-3-8b-instruct',
      quantized: true,
    });
    expect(nameForm('Meta-Llama-3-8B-Instruct-GGUF', meta, organisations)).toMatchObject({
      whole: 'meta-llama-3-8b-instruct',
      exact: 'llama-3-8b-instruct',
    });
    expect(nameForm('Llama-2-7b-chat-hf', meta, organisations)).toMatchObject({
      exact: 'llama-2-7b-chat-hf',
      loose: 'llama-2-7b-chat',
      quantized: false,
    });
  });

  it('keeps a vendor word when nothing that names a model is left without it', () => {
    expect(nameForm('DeepSeek-R1', deepseek, organisations).exact).toBe('deepseek-r1');
  });
});

describe('mayBeCopy', () => {
  it("reads a vendor's own root as its model, and a republisher's or stranger's root as a possible copy", () => {
    expect(mayBeCopy(repoOf('meta-llama/Llama-3.1-8B'), organisations)).toBe(false);
    expect(mayBeCopy(repoOf('unsloth/Llama-3.1-8B'), organisations)).toBe(true);
    expect(mayBeCopy(repoOf('someone/Llama-3.1-8B'), organisations)).toBe(true);
    // Named after another organisation: a copy, even under a curated owner.
    expect(mayBeCopy(repoOf('mlabonne/Meta-Llama-3-8B'), organisations)).toBe(true);
  });
});

describe('ReuploadFinder', () => {
  it("never takes a republisher's copy or another organisation's named copy for the vendor", () => {
    const finder = new ReuploadFinder(
      ['unsloth/Llama-3.1-8B', 'NousResearch/Meta-Llama-3.1-8B', 'TheBloke/Llama-3.1-8B-GGUF'],
      organisations,
    );
    expect(finder.find('someone/Llama-3.1-8B-bnb-4bit')).toEqual({ outcome: 'none' });
  });
});
