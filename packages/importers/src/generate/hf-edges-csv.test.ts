import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEdgesCsv } from '../hf/read-hf';
import { writeHfEdgesCsv } from './hf-edges-csv';
import { generateSynthetic } from './synthetic';

const RELATIONS = ['FINE_TUNED_FROM', 'QUANTIZED_FROM', 'MERGED_FROM', 'ADAPTER_OF'];
const directory = await mkdtemp(path.join(tmpdir(), 'hf-edges-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('writeHfEdgesCsv', () => {
  it("writes the generator's model lineage as an edges CSV the HF reader parses", async () => {
    const file = path.join(directory, 'edges.csv');
    const { rows } = await writeHfEdgesCsv({ nodes: 3000, seed: 5, file });
    const expected = [...generateSynthetic(3000, 5)].flatMap((item) =>
      'relationship' in item && RELATIONS.includes(item.relationship.type)
        ? [`${item.relationship.to} -> ${item.relationship.from} ${item.relationship.type}`]
        : [],
    );
    const links = await readEdgesCsv(file);
    expect(rows).toBe(expected.length);
    expect(links.map((l) => `model:${l.parent} -> model:${l.child} ${l.relation}`)).toEqual(
      expected,
    );
    expect(new Set(links.map((l) => l.relation))).toEqual(new Set(RELATIONS));
    expect(await readdir(directory)).toEqual(['edges.csv']);
  });

  it('leaves no file when the directory cannot be written', async () => {
    const file = path.join(directory, 'missing', 'edges.csv');
    await expect(writeHfEdgesCsv({ nodes: 100, seed: 1, file })).rejects.toThrow();
    expect(await readdir(directory)).not.toContain('missing');
  });
});
