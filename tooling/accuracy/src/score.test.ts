import { describe, expect, it } from 'vitest';
import { score, type SourceRecords } from './score';
import type { TruthRow } from './truth-table';

const row = (overrides: Partial<TruthRow>): TruthRow => ({
  source: 'ecosystem-graphs',
  record: 'assets/meta.yaml',
  role: 'dependency',
  name: 'LLaMA',
  context: 'Vicuna (LMSYS)',
  expected: 'none',
  evidence: 'test',
  ...overrides,
});

const matched = (id: string) => ({
  outcome: 'matched' as const,
  id,
  kind: 'BaseModel' as const,
  method: 'alias' as const,
});
const unresolved = { outcome: 'unresolved' as const, reason: 'no node', candidates: [] };

describe('score', () => {
  const records: SourceRecords[] = [
    {
      source: 'ecosystem-graphs',
      matches: [
        {
          at: 'meta.yaml:10',
          role: 'asset',
          name: 'LLaMA',
          owners: ['Meta'],
          resolution: unresolved,
          createdAs: 'model:meta-llama/llama',
        },
        {
          at: 'lmsys.yaml:4',
          role: 'dependency',
          name: 'LLaMA',
          owners: [],
          resolution: matched('model:meta-llama/llama'),
        },
        {
          at: 'lmsys.yaml:9',
          role: 'dependency',
          name: 'Llama 2',
          owners: [],
          resolution: matched('model:AryamanJaggi/Llama'),
        },
        {
          at: 'lmsys.yaml:12',
          role: 'dependency',
          name: 'GPT-4',
          owners: [],
          resolution: unresolved,
        },
      ],
    },
  ];

  it('resolves an eg: label to the node its asset became, and counts a right join', () => {
    const result = score(
      [row({ record: 'assets/lmsys.yaml', expected: 'eg:Meta/LLaMA' })],
      records,
    );
    expect(result.rows[0]).toMatchObject({ verdict: 'joined', got: 'model:meta-llama/llama' });
    expect(result).toMatchObject({ trueMatches: 1, joined: 1, recall: 1 });
  });

  it('counts any join where none is right as wrong, and a right refusal as kept apart', () => {
    const result = score(
      [
        row({ record: 'assets/lmsys.yaml', name: 'Llama 2' }),
        row({ record: 'assets/meta.yaml', role: 'asset', context: 'Meta' }),
      ],
      records,
    );
    expect(result.rows.map((s) => s.verdict)).toEqual(['wrong', 'kept-apart']);
    expect(result.wrong).toBe(1);
  });

  it('counts a dependency on an asset kept apart from its node as missed with it, not wrong', () => {
    const rows = [
      row({
        record: 'assets/meta.yaml',
        role: 'asset',
        context: 'Meta',
        expected: 'model:meta-llama/Llama-1',
      }),
      row({ record: 'assets/lmsys.yaml', expected: 'model:meta-llama/Llama-1' }),
    ];
    expect(score(rows, records).rows.map((s) => s.verdict)).toEqual(['missed', 'missed']);
  });

  it('counts a true match left unresolved as missed, and a name with no record as unseen', () => {
    const result = score(
      [
        row({ record: 'assets/lmsys.yaml', name: 'GPT-4', expected: 'model:openai/gpt-4' }),
        row({ record: 'assets/lmsys.yaml', name: 'Alpaca', expected: 'model:x/alpaca' }),
      ],
      records,
    );
    expect(result.rows.map((s) => s.verdict)).toEqual(['missed', 'unseen']);
    expect(result.recall).toBe(0);
  });
});
