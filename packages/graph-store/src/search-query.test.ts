import { describe, expect, it } from 'vitest';
import { compactForm, searchPlan, searchTextProblem } from './search-query';

describe('searchPlan', () => {
  it('matches the exact phrase first and every word as a prefix, joined too', () => {
    expect(searchPlan('Llama-2-7b chat')?.strict).toBe(
      '"llama 2 7b chat"^4 OR (llama* AND 2* AND 7b* AND chat*) OR llama27bchat*',
    );
  });

  it('keeps decimal numbers whole, as the index tokenizes them', () => {
    expect(searchPlan('GPT-3.5 Turbo')?.strict).toContain('"gpt 3.5 turbo"^4');
  });

  it('also asks a word joining letters and digits split: GPT4o as gpt 4o, llama3.1 as llama 3.1', () => {
    expect(searchPlan('GPT4o')?.strict).toBe(
      '"gpt4o"^4 OR (gpt4o*) OR "gpt 4o"^3 OR (gpt* AND 4o*)',
    );
    expect(searchPlan('llama3.1')?.strict).toContain('"llama 3.1"^3');
  });

  it('asks a one-character piece of a split word as itself, never as a prefix of everything', () => {
    expect(searchPlan('m5')?.strict).toBe('"m5"^4 OR (m5*) OR "m 5"^3 OR (m AND 5)');
    expect(searchPlan('X4o')?.strict).toContain('(x AND 4o*)');
    // A word typed on its own is still a prefix, for suggestions while typing.
    expect(searchPlan('m')?.strict).toBe('"m"^4 OR (m*)');
  });

  it('lets words of 4+ letters be misspelt (1 edit up to 6 letters, 2 beyond), never numbers', () => {
    expect(searchPlan('lama')?.fuzzy).toBe('((lama* OR lama~1))');
    expect(searchPlan('jailbrake 7b')?.fuzzy).toBe('((jailbrake* OR jailbrake~2) AND 7b*)');
    expect(searchPlan('gpt 2026')?.fuzzy).toBeNull();
  });

  it('reads the text as an id of every kind, bare or prefixed', () => {
    expect(searchPlan('FMD-2026-0008')?.idKeys).toContain('defect:fmd-2026-0008');
    expect(searchPlan('defect:FMD-2026-0008')?.idKeys).toContain('defect:fmd-2026-0008');
    expect(searchPlan('meta-llama/Llama-3.1-8B')?.idKeys).toContain(
      'model:meta-llama/llama-3.1-8b',
    );
    expect(searchPlan('llama 3')?.idKeys).toEqual([]);
  });

  it('turns no character a person types into Lucene syntax, and ignores empty input', () => {
    const plan = searchPlan('name:(x) OR y* "a~ \\b');
    expect(plan?.strict).toContain('"name x or y a b"^4');
    expect(plan?.strict).not.toMatch(/[:~\\]|\(x\)/u);
    expect(searchPlan('  ?!  ')).toBeUndefined();
  });
});

describe('compactForm and searchTextProblem', () => {
  it('compares names without case, spaces or punctuation', () => {
    expect(compactForm('Llama 3.1')).toBe(compactForm('llama-3.1'));
    expect(compactForm('GPT-4o')).toBe('gpt4o');
  });

  it('names the limit a long text breaks', () => {
    expect(searchTextProblem('x'.repeat(201))).toMatch(/at most 200 characters/);
    expect(searchTextProblem('a '.repeat(13))).toMatch(/at most 12 words/);
    expect(searchTextProblem('y'.repeat(65))).toMatch(/at most 64 characters/);
    expect(searchTextProblem('GPT-4o')).toBeUndefined();
  });
});
