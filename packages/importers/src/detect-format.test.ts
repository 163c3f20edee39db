import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, type ImportFormat } from './detect-format';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

describe('detectFormat', () => {
  it.each<[string, ImportFormat]>([
    ['hf-model-tree/edges.csv', 'hf-tree'],
    ['hf-cards/cards.jsonl', 'hf-cards'],
    ['jailbreakbench/jbb_attack_summary.csv', 'jailbreakbench'],
    ['cyclonedx/ml-bom.json', 'cyclonedx'],
    ['ecosystem-graphs/assets', 'ecosystem-graphs'],
    ['avid/reports', 'avid'],
    // A CycloneDX document stating analyses only is a VEX, not a BOM to import as lineage.
    ['vex/product.cdx-vex.json', 'vex'],
    ['vex/product.openvex.json', 'vex'],
  ])('tells %s from its first characters: %s', async (input, format) => {
    expect(await detectFormat(path.join(FIXTURES, input))).toBe(format);
  });
});
