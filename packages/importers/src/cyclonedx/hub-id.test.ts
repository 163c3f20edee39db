import { describe, expect, it } from 'vitest';
import { hubDatasetOf, hubModelOf, repoNamedByPurl } from './hub-id';

describe('the Hugging Face id a BOM component states', () => {
  it('reads it from a purl, as a namespace or as one %2F-encoded name, case kept', () => {
    expect(hubModelOf({ purl: 'pkg:huggingface/meta-llama/Llama-3.1-8B@0e9e39f2' })).toBe(
      'meta-llama/Llama-3.1-8B',
    );
    expect(hubModelOf({ purl: 'pkg:huggingface/HuggingFaceTB%2FSmolLM-1.7B@1.0' })).toBe(
      'HuggingFaceTB/SmolLM-1.7B',
    );
    expect(hubModelOf({ 'bom-ref': 'pkg:huggingface/tencent/HunyuanWorld-Voyager@1.0' })).toBe(
      'tencent/HunyuanWorld-Voyager',
    );
  });

  it('reads it from a repo-id name or a model page, not from the hub own pages', () => {
    expect(hubModelOf({ name: 'meta-llama/Llama-Guard-3-8B' })).toBe('meta-llama/Llama-Guard-3-8B');
    const linked = (url: string) => hubModelOf({ name: 'x', externalReferences: [{ url }] });
    expect(linked('https://huggingface.co/TheBloke/Mistral-7B-Instruct-v0.1-AWQ/tree/main')).toBe(
      'TheBloke/Mistral-7B-Instruct-v0.1-AWQ',
    );
    expect(linked('https://huggingface.co/datasets/HuggingFaceTB/smollm-corpus')).toBeUndefined();
    expect(linked('https://huggingface.co/docs/transformers')).toBeUndefined();
    expect(linked('https://huggingface.co/meta-llama')).toBeUndefined();
    expect(linked('https://example.org/meta-llama/Llama-3.1-8B')).toBeUndefined();
    expect(hubModelOf({ name: 'Support Chat', purl: 'pkg:pypi/support-chat@1.0' })).toBeUndefined();
  });

  it('reads a dataset from its purl, name or datasets/ page, and a wrapper from a generic purl', () => {
    expect(hubDatasetOf({ purl: 'pkg:huggingface-dataset/nvidia/Nemotron-Data@1.0' })).toBe(
      'nvidia/Nemotron-Data',
    );
    expect(
      hubDatasetOf({
        name: 'tickets',
        externalReferences: [{ url: 'https://huggingface.co/datasets/fixture-lab/tickets' }],
      }),
    ).toBe('fixture-lab/tickets');
    expect(repoNamedByPurl('pkg:generic/aeevnn%2FNaveenBhav@1.0')).toBe('aeevnn/NaveenBhav');
  });
});
