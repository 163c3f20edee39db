import { describe, expect, it } from 'vitest';
import { distinctReports } from './distinct-reports';

const summary = (names: string[]) =>
  distinctReports(names.map((name, i) => ({ id: String(i), name }))).map((g) => [
    g.first.id,
    g.similar,
    g.sharedStart,
  ]);

describe('distinctReports', () => {
  it('folds reports differing only in a quoted probe name, keeping the words they share', () => {
    expect(
      summary([
        'The model M was evaluated by Garak using the probe `phrasing.PastTense`.',
        'Licence gap in Llama 2',
        'The model M was evaluated by Garak using the probe `encoding.InjectHex`.',
      ]),
    ).toEqual([
      ['0', 1, 'The model M was evaluated by Garak using the probe'],
      ['1', 0, 'Licence gap in Llama 2'],
    ]);
  });

  it('folds titles differing in one word (the benchmark), keeps those differing in two apart', () => {
    expect(
      summary([
        'Evaluation of the LLM DeepSeek-R1 on the wmdp_bio benchmark',
        'Evaluation of the LLM DeepSeek-R1 on the wmdp_chem benchmark',
        'Evaluation of the LLM Llama-3 on the wmdp_chem benchmark',
        'Evaluation of the LLM Qwen on the agentharm test',
      ]).map(([id, similar]) => [id, similar]),
    ).toEqual([
      ['0', 1],
      ['2', 0],
      ['3', 0],
    ]);
  });
});
