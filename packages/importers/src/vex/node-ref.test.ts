import { describe, expect, it } from 'vitest';
import { hubPurlOf, idOfHubPurl, idOfRef, lineageUrn } from './node-ref';

describe('how a VEX document names a node', () => {
  it('names a hub model or dataset by its purl, case kept, and reads it back', () => {
    expect(hubPurlOf('model:meta-llama/Llama-3.1-8B')).toBe(
      'pkg:huggingface/meta-llama/Llama-3.1-8B',
    );
    expect(hubPurlOf('dataset:HuggingFaceH4/ultrachat_200k')).toBe(
      'pkg:huggingface-dataset/HuggingFaceH4/ultrachat_200k',
    );
    expect(idOfHubPurl('pkg:huggingface/meta-llama/Llama-3.1-8B@0E9E39F2')).toBe(
      'model:meta-llama/Llama-3.1-8B',
    );
    expect(idOfHubPurl('pkg:huggingface/HuggingFaceTB%2FSmolLM-1.7B')).toBe(
      'model:HuggingFaceTB/SmolLM-1.7B',
    );
    expect(idOfHubPurl('pkg:huggingface-dataset/HuggingFaceH4/ultrachat_200k')).toBe(
      'dataset:HuggingFaceH4/ultrachat_200k',
    );
  });

  it('gives no purl to what is not exactly a hub owner/name', () => {
    for (const id of [
      'deployment:aws/bedrock',
      'dataset:internal-corpus',
      'model:a/b/c',
      'model:odd owner/na@me%',
      'defect:AVID-2025-V001',
    ])
      expect(hubPurlOf(id)).toBeUndefined();
  });

  it('percent-encodes spaces, %, # and ? in a Lineage URN, keeps @ : /, and decodes it exactly', () => {
    const odd = 'model:odd owner/na@me%20 #1?';
    const urn = lineageUrn(odd);
    expect(urn).toBe('urn:lineage:model:odd%20owner/na@me%2520%20%231%3F');
    expect(idOfRef(urn)).toBe(odd);
    expect(idOfRef(lineageUrn('deployment:aws/bedrock'))).toBe('deployment:aws/bedrock');
    expect(idOfRef(lineageUrn('model:ü/x'))).toBe('model:ü/x');
  });

  it('reads no node from a purl whose name the hub could not have, or a broken URN', () => {
    expect(idOfHubPurl('pkg:huggingface/owner/na%20me')).toBeUndefined();
    expect(idOfHubPurl('pkg:huggingface/owner/na%40me')).toBeUndefined();
    expect(idOfHubPurl('pkg:pypi/requests@2.0')).toBeUndefined();
    expect(idOfRef('urn:lineage:model:%E0%A4%A')).toBeUndefined();
    expect(idOfRef('urn:lineage:')).toBeUndefined();
    expect(idOfRef('https://huggingface.co/meta-llama/Llama-3.1-8B')).toBeUndefined();
  });
});
