import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEdgesCsv, readModelCards } from './read-hf';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-read-hf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Error & { details?: { problems?: string[] } }) => error,
  );

describe('readEdgesCsv', () => {
  it('counts every bad row and lists the first 50, each as file:line and why', async () => {
    const file = path.join(dir, 'edges.csv');
    const bad = Array.from({ length: 120 }, (_, i) => `a/b${i},c/d,cloned`);
    await writeFile(file, ['source,target,edge', 'a/b,c/d,finetuned', ...bad].join('\r\n'));
    const error = await errorOf(readEdgesCsv(file));
    expect(error?.message).toMatch(/^edges\.csv has 120 bad row\(s\):/);
    expect(error?.details?.problems).toHaveLength(50);
    expect(error?.details?.problems?.[0]).toBe(
      "edges.csv:3: unknown relation 'cloned' (finetuned, quantized, merged or adapter)",
    );
  });

  it('refuses a repo id longer than the hub allows (96 characters a part)', async () => {
    const file = path.join(dir, 'long.csv');
    const long = `owner/${'x'.repeat(97)}`;
    await writeFile(file, `source,target,edge\na/b,${long},finetuned\n`);
    expect((await errorOf(readEdgesCsv(file)))?.details?.problems).toEqual([
      `long.csv:2: '${long}' is not a Hugging Face repo id (owner/name)`,
    ]);
  });

  it.each(['constructor', '__proto__', 'toString'])(
    "refuses the relation '%s', which only objects inherit",
    async (edge) => {
      const file = path.join(dir, 'inherited.csv');
      await writeFile(file, `source,target,edge\na/b,c/d,${edge}\n`);
      expect((await errorOf(readEdgesCsv(file)))?.details?.problems).toEqual([
        `inherited.csv:2: unknown relation '${edge}' (finetuned, quantized, merged or adapter)`,
      ]);
    },
  );

  it('refuses a file without the header, naming what it found', async () => {
    const file = path.join(dir, 'headless.csv');
    await writeFile(file, 'a/b,c/d,finetuned\n');
    expect((await errorOf(readEdgesCsv(file)))?.message).toBe(
      "headless.csv:1: expected the header 'source,target,edge', found 'a/b,c/d,finetuned'",
    );
  });
});

describe('readModelCards', () => {
  it('names the line of a bad card among good ones', async () => {
    const file = path.join(dir, 'cards.jsonl');
    await writeFile(file, ['{"id":"a/b"}', '', '{"id":"not a repo"}'].join('\n'));
    expect((await errorOf(readModelCards(file)))?.details?.problems).toEqual([
      "cards.jsonl:3: 'id' must be a Hugging Face repo id",
    ]);
  });

  it.each(['constructor', '__proto__', 'valueOf'])(
    "refuses the base_model_relation '%s', which only objects inherit",
    async (relation) => {
      const file = path.join(dir, 'inherited.jsonl');
      const card = { id: 'a/b', base_model: 'c/d', base_model_relation: relation };
      await writeFile(file, `${JSON.stringify(card)}\n`);
      expect((await errorOf(readModelCards(file)))?.details?.problems).toEqual([
        `inherited.jsonl:1: unknown base_model_relation '${relation}' (finetune, quantized, merge or adapter)`,
      ]);
    },
  );
});
