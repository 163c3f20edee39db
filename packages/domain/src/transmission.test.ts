import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFECT_CATEGORIES } from './defects';
import { LINEAGE_RELATIONS } from './relations';
import { DEFAULT_TRANSMISSION, transmissionColumn, transmissionLevel } from './transmission';

/** Reads the transmission table out of the design document, independently of the code. */
function designTable(): Map<string, string> {
  const design = readFileSync(new URL('../../../docs/design.md', import.meta.url), 'utf8');
  const lines = design.split('\n').filter((line) => line.startsWith('| '));
  const header = lines.find((line) => line.includes('JAILBREAK'))!;
  const categories = header
    .split('|')
    .slice(2, -1)
    .map((cell) => cell.trim());
  const cells = new Map<string, string>();
  for (const line of lines.filter((l) => /^\| [A-Z_]+[ ,(]/.test(l) && !l.includes('JAILBREAK'))) {
    const [relationCell, ...levels] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const relations = relationCell!
      .replace(/\(.*\)/, '')
      .split(',')
      .map((r) => r.trim());
    for (const relation of relations) {
      categories.forEach((category, i) => cells.set(`${relation}/${category}`, levels[i]!));
    }
  }
  return cells;
}

describe('the default transmission matrix', () => {
  const table = designTable();

  it('reads every cell of the design table', () => {
    expect(table.size).toBe(LINEAGE_RELATIONS.length * DEFECT_CATEGORIES.length);
  });

  for (const relation of LINEAGE_RELATIONS) {
    for (const category of DEFECT_CATEGORIES) {
      it(`${relation} carries ${category} as DESIGN.md says`, () => {
        expect(DEFAULT_TRANSMISSION[relation][category]).toBe(table.get(`${relation}/${category}`));
      });
    }
  }
});

describe('transmissionLevel', () => {
  it('caps an inferred relationship at LIKELY', () => {
    expect(transmissionLevel('QUANTIZED_FROM', 'JAILBREAK', false)).toBe('LIKELY');
    expect(transmissionLevel('QUANTIZED_FROM', 'JAILBREAK', true)).toBe('CERTAIN');
  });

  it('carries everything through a re-upload, at most LIKELY when the tie is inferred', () => {
    expect(transmissionLevel('REUPLOAD_OF', 'BACKDOOR', true)).toBe('CERTAIN');
    expect(transmissionLevel('REUPLOAD_OF', 'BACKDOOR', false)).toBe('LIKELY');
  });

  it('never raises a weak edge when it is inferred', () => {
    expect(transmissionLevel('DISTILLED_FROM', 'BACKDOOR', false)).toBe('POSSIBLE');
    expect(transmissionLevel('TRAINED_ON', 'JAILBREAK', false)).toBe('NONE');
  });

  it("applies a defect's overrides before the inferred cap", () => {
    const overrides = { DISTILLED_FROM: 'CERTAIN', DEPLOYS: 'NONE' } as const;
    expect(transmissionLevel('DISTILLED_FROM', 'BACKDOOR', true, overrides)).toBe('CERTAIN');
    expect(transmissionLevel('DISTILLED_FROM', 'BACKDOOR', false, overrides)).toBe('LIKELY');
    expect(transmissionLevel('DEPLOYS', 'BACKDOOR', true, overrides)).toBe('NONE');
  });

  it('gives a whole column with overrides applied', () => {
    const column = transmissionColumn('LICENSE', { DEPENDS_ON: 'NONE' });
    expect(column.DEPENDS_ON).toBe('NONE');
    expect(column.TRAINED_ON).toBe('CERTAIN');
  });
});
