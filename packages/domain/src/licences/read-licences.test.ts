import { describe, expect, it } from 'vitest';
import { readLicence } from './read-licences';

/** The declared id and the other ids a text names. */
function read(text: string): [string | undefined, string[]] {
  const { declared, alsoNamed } = readLicence(text);
  return [declared?.id, alsoNamed.map((t) => t.id)];
}

describe('readLicence', () => {
  it.each([
    ['mit', 'mit'],
    ['apache-2.0', 'apache-2.0'],
    ['llama2', 'llama2'],
    ['llama3.1', 'llama3.1'],
    ['llama3.3', 'llama3.3'],
    ['gemma', 'gemma'],
    ['cc-by-nc-4.0', 'cc-by-nc-4.0'],
    ['openrail++', 'openrail++'],
  ])('reads the hub id %s', (text, id) => {
    expect(read(text)).toEqual([id, []]);
  });

  it('reads the hub placeholder "other" as no licence', () => {
    expect(read('other')).toEqual([undefined, []]);
  });

  it('reads the seed R1 distill of Llama: declares MIT, names the Llama 3.1 licence', () => {
    expect(
      read('MIT; derived from Llama 3.1 8B Base, subject to the Llama 3.1 Community License'),
    ).toEqual(['mit', ['llama3.1']]);
  });

  it('does not take the name of the base model for its licence', () => {
    expect(read('MIT; derived from Llama 3.1 8B Base')).toEqual(['mit', []]);
  });

  it('reads the seed R1 distill of Qwen: declares MIT, names Apache 2.0', () => {
    expect(read('MIT; derived from Qwen2.5-Math-1.5B, originally under Apache 2.0')).toEqual([
      'mit',
      ['apache-2.0'],
    ]);
  });

  it('reads a weights licence with the code licence beside it', () => {
    expect(read('DeepSeek Model License (model weights); code under MIT')).toEqual([
      'deepseek',
      ['mit'],
    ]);
  });

  it.each([
    ['Mistral AI Non-Production License (MNPL-0.1)', 'mnpl-0.1'],
    ['Mistral Research License', 'mrl'],
    ["Tongyi Qianwen License (the repository's LICENSE)", 'tongyi-qianwen'],
  ])('reads the seed licence %s', (text, id) => {
    expect(read(text)).toEqual([id, []]);
  });

  it.each([
    ['Apache 2.0', 'apache-2.0'],
    ['Apache License, Version 2.0', 'apache-2.0'],
    ['MIT', 'mit'],
    ['LLaMA 2', 'llama2'],
    ['LLaMA2', 'llama2'],
    ['LLaMA 2 Community License', 'llama2'],
    ['Llama 3', 'llama3'],
    ['Llama 3.1 Community License Agreement', 'llama3.1'],
    ['Llama 3.3 Community License Agreement', 'llama3.3'],
    ['CC BY 4.0', 'cc-by-4.0'],
    ['CC BY-NC 4.0', 'cc-by-nc-4.0'],
    ['CC BY NC 4.0 (model weights)', 'cc-by-nc-4.0'],
    ['CC-BY-NC-4.0', 'cc-by-nc-4.0'],
    ['CC by-NC-SA 4.0', 'cc-by-nc-sa-4.0'],
    ['CC BY-SA 4.0', 'cc-by-sa-4.0'],
    ['BSD-3-Clause', 'bsd-3-clause'],
    ['OpenRAIL-M', 'openrail'],
    ['OpenRail++', 'openrail++'],
    ['Open Rail++', 'openrail++'],
    ['BigScience RAIL v1.0', 'bigscience-bloom-rail-1.0'],
    ['BigCode Open RAIL-M v1.0', 'bigcode-openrail-m'],
    ['BigCode OpenRail-M', 'bigcode-openrail-m'],
    ['Gemma (commercially-friendly license given by Google DeepMind)', 'gemma'],
    ['Tongyi Qianwen', 'tongyi-qianwen'],
    ['Mistral AI Non-Production License', 'mnpl-0.1'],
  ])('reads the Ecosystem Graphs value %s', (text, id) => {
    expect(read(text)[0]).toBe(id);
  });

  it('takes the first of alternative licences as declared', () => {
    expect(read('Mistral Research License (MRL), Mistral Commercial License')).toEqual(['mrl', []]);
  });

  it('declares nothing when the weights are unlicensed and only code is', () => {
    expect(read('unknown (model weights), Apache 2.0 (SayCan code)')).toEqual([
      undefined,
      ['apache-2.0'],
    ]);
    expect(read('none (model weights), BSD-3-Clause (code)')).toEqual([
      undefined,
      ['bsd-3-clause'],
    ]);
    expect(read('LLaMa License (model weights), GPLv3 (code)')).toEqual([undefined, ['gpl-3.0']]);
  });

  it.each([
    'unknown',
    'Unknown',
    'none',
    'custom',
    '',
    'Open',
    'CC-BY-NC',
    'Modified MIT License',
    'Stability Community License',
    'AI2 ImpACT',
    'ODC-By 1.0',
    'Jamba Open Model License',
    'Limited use license to Cohere platform users [[Terms of Use]](https://cohere.ai/terms-of-use).',
    "Terms of Use listed on Runway AI, Inc.'s website, specific license unknown",
  ])('leaves %j unrecognised rather than guess', (text) => {
    expect(read(text)).toEqual([undefined, []]);
  });

  it('reads the address of a known licence text', () => {
    expect(read('https://creativecommons.org/licenses/by-nc/4.0/')[0]).toBe('cc-by-nc-4.0');
    expect(read('https://www.apache.org/licenses/LICENSE-2.0')[0]).toBe('apache-2.0');
    expect(
      read('https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE')[0],
    ).toBe('llama3.1');
  });

  it('reads no name inside an address', () => {
    expect(read('https://github.com/mit-han-lab/llama2-gemma/blob/main/LICENSE')).toEqual([
      undefined,
      [],
    ]);
  });

  it('keeps the text it read', () => {
    expect(readLicence('Apache 2.0').text).toBe('Apache 2.0');
  });
});
