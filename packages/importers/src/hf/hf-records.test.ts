import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { entityInputSchema, relationshipInputSchema } from '@lineage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupOf, type FakeNode } from '../testing/fake-lookup';
import { planHuggingFace } from './plan';
import { readEdgesCsv, readModelCards } from './read-hf';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-hf-records-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const REPOS = [
  'meta-llama/Llama-3.1-8B',
  'unsloth/llama-3.1-8b-bnb-4bit',
  'TheBloke/Llama-3.1-8B-GGUF',
  'a/x',
  'A/X',
  'b/y',
  'stored-org/Stored-Base',
  'Stored-Org/stored-base',
];
const STORED: FakeNode[] = [
  {
    id: 'model:stored-org/Stored-Base',
    kind: 'BaseModel',
    name: 'Stored-Base',
    curated: true,
    developers: [],
    releasedAt: '2024-03-01',
  },
];
const repo = fc.constantFrom(...REPOS);
const edgeRow = fc
  .tuple(repo, repo, fc.constantFrom('finetuned', 'quantized', 'merged', 'adapter'))
  .map((cells) => cells.join(','));
const card = fc.record(
  {
    id: repo,
    base_model: fc.oneof(repo, fc.array(repo, { minLength: 1, maxLength: 3 })),
    createdAt: fc.constantFrom('2024-01-01', '2024-05-02T08:00:00Z', '2023-12-31'),
    license: fc.constantFrom('mit', 'other', 'apache-2.0'),
  },
  { requiredKeys: ['id'] },
);

/** Every record of the plan, and what the domain's schemas make of it. */
function parsedAgain(plan: Awaited<ReturnType<typeof planHuggingFace>>) {
  const { nodes, relationships } = plan.batch;
  return {
    given: JSON.stringify({ nodes, relationships }),
    parsed: JSON.stringify({
      nodes: nodes.map((node) => entityInputSchema.parse(node)),
      // A link's date is added to its record once made (as it always was): it comes last.
      relationships: relationships.map((r) => {
        const { validFrom, ...parsed } = relationshipInputSchema.parse(r);
        return validFrom ? { ...parsed, validFrom } : parsed;
      }),
    }),
  };
}

describe('HF records made without a schema parse', () => {
  it('are exactly what the domain schemas return for them (fields and their order)', async () => {
    const file = path.join(dir, 'edges.csv');
    const cards = path.join(dir, 'cards.jsonl');
    await fc.assert(
      fc.asyncProperty(
        fc.array(edgeRow, { minLength: 1, maxLength: 12 }),
        fc.array(card, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (rows, cardList, withStore) => {
          const lookup = lookupOf(withStore ? STORED : []);
          await writeFile(file, ['source,target,edge', ...rows].join('\n'));
          await writeFile(cards, cardList.map((c) => JSON.stringify(c)).join('\n'));
          for (const plan of [
            await planHuggingFace('hf-tree', await readEdgesCsv(file), lookup),
            await planHuggingFace('hf-cards', await readModelCards(cards), lookup),
          ]) {
            const { given, parsed } = parsedAgain(plan);
            expect(given).toBe(parsed);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a card licence too long for the schema, naming the row, as the schema says it', async () => {
    const file = path.join(dir, 'long.jsonl');
    await writeFile(
      file,
      `${JSON.stringify({ id: 'owner/x', base_model: 'a/b', license: 'x'.repeat(300) })}\n`,
    );
    await expect(
      planHuggingFace('hf-cards', await readModelCards(file), lookupOf([])),
    ).rejects.toThrow(/long\.jsonl:1: the record does not fit Lineage's schema/);
  });
});
