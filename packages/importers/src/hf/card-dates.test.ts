import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupOf, type FakeNode } from '../testing/fake-lookup';
import { planHuggingFace } from './plan';
import { readModelCards } from './read-hf';

// Model-card metadata as the Hub API gives it: `createdAt` is when the repository was made.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-hf-dates-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const STORED: FakeNode[] = [
  {
    id: 'model:stored-org/Stored-Later',
    kind: 'BaseModel',
    name: 'Stored-Later',
    curated: true,
    developers: [],
    releasedAt: '2024-03-01',
  },
];

async function planCards(cards: object[]) {
  const file = path.join(dir, 'cards.jsonl');
  await writeFile(file, cards.map((card) => JSON.stringify(card)).join('\n'));
  return planHuggingFace('hf-cards', await readModelCards(file), lookupOf(STORED));
}

const CARDS = [
  { id: 'dated-org/Dated-Base', createdAt: '2024-04-18T15:40:41.000Z' },
  { id: 'tuner/Dated-Tune', base_model: 'dated-org/Dated-Base', createdAt: '2024-05-02T08:00:00Z' },
  { id: 'tuner/Early-Tune', base_model: 'stored-org/Stored-Later', createdAt: '2024-01-01' },
  { id: 'tuner/Undated-Tune', base_model: 'dated-org/Dated-Base' },
];

describe('model-card dates', () => {
  it('gives a new model the day its card says it was created', async () => {
    const { batch } = await planCards(CARDS);
    const released = Object.fromEntries(batch.nodes.map((n) => [n.id, n.releasedAt ?? 'none']));
    expect(released).toMatchObject({
      'model:dated-org/Dated-Base': '2024-04-18',
      'model:tuner/Dated-Tune': '2024-05-02',
      'model:tuner/Undated-Tune': 'none',
    });
  });

  it("starts a model's link to its base at its creation, unless the base is dated later", async () => {
    const { batch } = await planCards(CARDS);
    const starts = Object.fromEntries(
      batch.relationships
        .filter((r) => r.type === 'FINE_TUNED_FROM')
        .map((r) => [`${r.from} -> ${r.to}`, r.validFrom ?? 'open']),
    );
    expect(starts).toEqual({
      'model:tuner/Dated-Tune -> model:dated-org/Dated-Base': '2024-05-02',
      'model:tuner/Early-Tune -> model:stored-org/Stored-Later': 'open',
      'model:tuner/Undated-Tune -> model:dated-org/Dated-Base': 'open',
    });
  });

  it('refuses a createdAt that is no date, naming the line', async () => {
    await expect(planCards([{ id: 'a/b', createdAt: 'last spring' }])).rejects.toThrow(
      /cards\.jsonl:1: 'createdAt' must be a date/,
    );
  });
});
