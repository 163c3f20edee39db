import { describe, expect, it } from 'vitest';
import {
  droppedLines,
  formatUsers,
  obligationLines,
  readProblemKind,
  textSaysMore,
  type Obligations,
} from './licence-words';

const NONE: Obligations = {
  attribution: false,
  naming: null,
  acceptableUse: false,
  userThreshold: null,
  outputUse: null,
  nonCommercial: false,
  shareAlike: false,
  bindsDerivatives: false,
};
const LLAMA: Obligations = {
  ...NONE,
  attribution: true,
  acceptableUse: true,
  userThreshold: 700_000_000,
  naming: 'must have "Llama" at the beginning of its name',
  bindsDerivatives: true,
};

describe('licence words', () => {
  it('writes a user threshold out in full', () => {
    expect(formatUsers(700_000_000)).toBe('700,000,000 monthly active users');
    expect(formatUsers(1)).toBe('1 monthly active user');
  });

  it('lists only the obligations a licence has, with the text of its rules', () => {
    expect(obligationLines(NONE)).toEqual([]);
    const lines = obligationLines(LLAMA);
    expect(lines.map((line) => line.name)).toEqual([
      'attribution',
      'acceptableUse',
      'userThreshold',
      'naming',
      'bindsDerivatives',
    ]);
    expect(lines[2]!.detail).toContain('above 700,000,000 monthly active users');
    expect(lines[3]!.detail).toBe(LLAMA.naming);
  });

  it('reads a zero user threshold as a threshold, not as none', () => {
    expect(obligationLines({ ...NONE, userThreshold: 0 }).map((line) => line.name)).toEqual([
      'userThreshold',
    ]);
  });

  it("describes dropped obligations from the inherited licence, keeping names it doesn't know", () => {
    const lines = droppedLines(['acceptableUse', 'naming', 'somethingNew'], LLAMA);
    expect(lines.map((line) => line.term)).toEqual([
      'Acceptable-use policy',
      'Naming rule',
      'somethingNew',
    ]);
  });

  it('shows a licence text only where it says more than the licence it declares', () => {
    const mit = { id: 'mit', name: 'MIT License', spdx: 'MIT' };
    expect(textSaysMore('MIT', mit)).toBe(false);
    expect(textSaysMore(' mit ', mit)).toBe(false);
    expect(textSaysMore('MIT License', mit)).toBe(false);
    expect(textSaysMore(null, mit)).toBe(false);
    const apache = { id: 'apache-2.0', name: 'Apache License 2.0', spdx: 'Apache-2.0' };
    expect(textSaysMore('Apache 2.0', apache)).toBe(false);
    expect(textSaysMore('Apache', apache)).toBe(true);
    expect(textSaysMore('MIT; derived from Llama 3.1 8B Base', mit)).toBe(true);
  });

  it('reads the kind in a link in any case, all for none, and says why it ignores a wrong one', () => {
    expect(readProblemKind('drops')).toEqual({ kind: 'DROPS' });
    expect(readProblemKind(['CONFLICTS', 'drops'])).toEqual({ kind: 'CONFLICTS' });
    expect(readProblemKind(undefined)).toEqual({});
    expect(readProblemKind('all')).toEqual({});
    const wrong = readProblemKind('nonsense');
    expect(wrong.kind).toBeUndefined();
    expect(wrong.problem).toContain('nonsense');
  });
});
