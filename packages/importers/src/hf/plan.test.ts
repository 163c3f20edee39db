import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NodeKind, RelationshipInput } from '@lineage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCandidate } from '../plan';
import { planHuggingFace } from './plan';
import { readEdgesCsv, readModelCards } from './read-hf';
import { lookupOf } from '../testing/fake-lookup';

const stored = (id: string, kind: NodeKind = 'BaseModel'): StoredCandidate => ({
  id,
  kind,
  name: id.slice(id.lastIndexOf('/') + 1),
  curated: true,
  developers: [],
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-hf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Rows in the real edges.csv format: `source,target,edge`, the parent first. */
async function planTree(rows: string[], nodes: StoredCandidate[] = []) {
  const file = path.join(dir, 'edges.csv');
  await writeFile(file, ['source,target,edge', ...rows].join('\n'));
  return planHuggingFace('hf-tree', await readEdgesCsv(file), lookupOf(nodes));
}

async function planCards(cards: object[], nodes: StoredCandidate[] = []) {
  const file = path.join(dir, 'cards.jsonl');
  await writeFile(file, cards.map((card) => JSON.stringify(card)).join('\n'));
  return planHuggingFace('hf-cards', await readModelCards(file), lookupOf(nodes));
}

const edge = (r: RelationshipInput) => `${r.from} ${r.type} ${r.to}`;
const lineageOf = (plan: Awaited<ReturnType<typeof planTree>>) =>
  plan.batch.relationships.filter((r) => r.type !== 'DEVELOPED_BY');

describe('planHuggingFace: letter case', () => {
  it('uses the stored spelling of an id the hub would resolve without case', async () => {
    const plan = await planTree(
      ['deepseek-ai/deepseek-v3,someone/DeepSeek-V3-tuned,finetuned'],
      [stored('model:deepseek-ai/DeepSeek-V3')],
    );
    expect(plan.batch.nodes.map((n) => n.id)).not.toContain('model:deepseek-ai/deepseek-v3');
    expect(lineageOf(plan).map(edge)).toEqual([
      'model:someone/DeepSeek-V3-tuned FINE_TUNED_FROM model:deepseek-ai/DeepSeek-V3',
    ]);
    expect(plan.notes.remarks.join('\n')).toMatch(
      /edges\.csv:2: model:deepseek-ai\/deepseek-v3 is stored as model:deepseek-ai\/DeepSeek-V3/,
    );
    expect(plan.matches).toContainEqual(
      expect.objectContaining({
        at: 'edges.csv:2',
        name: 'deepseek-ai/deepseek-v3',
        resolution: expect.objectContaining({
          outcome: 'matched',
          id: 'model:deepseek-ai/DeepSeek-V3',
          method: 'exact',
        }),
      }),
    );
  });

  it('gives a stored repo whose owner the file spells in another case its provider', async () => {
    // The stored spelling's owner (meta-llama) appears nowhere in the file: it is folded too.
    const plan = await planTree(
      ['Meta-Llama/llama-3.1-8b,someone/Llama-Tuned,finetuned'],
      [stored('model:meta-llama/Llama-3.1-8B')],
    );
    expect(lineageOf(plan).map(edge)).toEqual([
      'model:someone/Llama-Tuned FINE_TUNED_FROM model:meta-llama/Llama-3.1-8B',
    ]);
    expect(plan.batch.nodes.map((n) => n.id).sort()).toEqual([
      'model:someone/Llama-Tuned',
      'provider:meta-llama',
      'provider:someone',
    ]);
  });

  it('folds case variants within the file to the first spelling seen, and says so', async () => {
    const plan = await planTree([
      'Org/Base-7B,a/Tuned-7B,finetuned',
      'org/base-7b,b/Other-7B,finetuned',
    ]);
    const ids = plan.batch.nodes.map((n) => n.id);
    expect(ids).toContain('model:Org/Base-7B');
    expect(ids).not.toContain('model:org/base-7b');
    expect(ids).toContain('provider:Org');
    expect(ids).not.toContain('provider:org');
    expect(lineageOf(plan).map(edge).sort()).toEqual([
      'model:a/Tuned-7B FINE_TUNED_FROM model:Org/Base-7B',
      'model:b/Other-7B FINE_TUNED_FROM model:Org/Base-7B',
    ]);
    expect(plan.notes.remarks.join('\n')).toMatch(
      /edges\.csv:3: model:org\/base-7b is folded into model:Org\/Base-7B \(first at edges\.csv:2\)/,
    );
  });
});

describe('planHuggingFace: provenance', () => {
  it('marks every node and relationship with its record, tree edges matched exactly', async () => {
    const plan = await planTree(['Org/Base-7B,a/Tuned-7B,finetuned']);
    for (const node of plan.batch.nodes)
      expect(node, node.id).toMatchObject({
        origin: 'import',
        recordedFrom: 'hf-tree edges.csv:2',
      });
    for (const relationship of plan.batch.relationships)
      expect(relationship, edge(relationship)).toMatchObject({
        origin: 'import',
        recordedFrom: 'hf-tree edges.csv:2',
        matchedBy: 'exact',
      });
  });
});

describe('planHuggingFace: model cards of base models', () => {
  it("files a card without base_model as a base model with its card's licence", async () => {
    const plan = await planCards([
      { id: 'fixture-org/Base-9B', license: 'apache-2.0' },
      {
        id: 'fixture-org/Base-9B-Instruct',
        base_model: 'fixture-org/Base-9B',
        license: 'other',
        license_name: 'fixture-license',
      },
    ]);
    expect(plan.batch.nodes.find((n) => n.id === 'model:fixture-org/Base-9B')).toMatchObject({
      kind: 'BaseModel',
      license: 'apache-2.0',
      origin: 'import',
      recordedFrom: 'hf-cards cards.jsonl:1',
    });
    expect(
      plan.batch.nodes.find((n) => n.id === 'model:fixture-org/Base-9B-Instruct'),
    ).toMatchObject({ kind: 'FineTune', license: 'fixture-license' });
    expect(lineageOf(plan).map(edge)).toEqual([
      'model:fixture-org/Base-9B-Instruct FINE_TUNED_FROM model:fixture-org/Base-9B',
    ]);
  });

  it('keeps a stored model as it is when its card is imported', async () => {
    const plan = await planCards(
      [{ id: 'meta-llama/Llama-3.1-8B', license: 'llama3.1' }],
      [stored('model:meta-llama/Llama-3.1-8B')],
    );
    expect(plan.batch.nodes.filter((n) => n.kind !== 'Provider')).toEqual([]);
    expect(plan.linked).toBe(1);
  });
});

describe('planHuggingFace: re-uploads of a vendor model', () => {
  const reuploadTies = (plan: Awaited<ReturnType<typeof planTree>>) =>
    lineageOf(plan)
      .filter((r) => r.declared === false)
      .map(edge)
      .sort();

  it('ties a quantized copy to the vendor model by an inferred QUANTIZED_FROM, listed for review', async () => {
    const plan = await planTree([
      'meta-llama/Meta-Llama-3-8B,meta-llama/Meta-Llama-3-8B-Instruct,finetuned',
      'unsloth/llama-3-8b-Instruct-bnb-4bit,someone/tuned-on-unsloth,finetuned',
    ]);
    expect(reuploadTies(plan)).toEqual([
      'model:unsloth/llama-3-8b-Instruct-bnb-4bit QUANTIZED_FROM model:meta-llama/Meta-Llama-3-8B-Instruct',
    ]);
    const tie = lineageOf(plan).find((r) => r.declared === false)!;
    expect(tie).toMatchObject({ matchedBy: 'inferred', recordedFrom: 'hf-tree edges.csv:3' });
    expect(
      plan.batch.nodes.find((n) => n.id === 'model:unsloth/llama-3-8b-Instruct-bnb-4bit'),
    ).toMatchObject({ kind: 'Quantization' });
    expect(plan.notes.remarks.join('\n')).toMatch(
      /re-upload: model:unsloth\/llama-3-8b-Instruct-bnb-4bit QUANTIZED_FROM model:meta-llama\/Meta-Llama-3-8B-Instruct/,
    );
    expect(plan.matches).toContainEqual(
      expect.objectContaining({
        name: 'unsloth/llama-3-8b-Instruct-bnb-4bit',
        role: 're-upload',
        resolution: expect.objectContaining({ outcome: 'matched', method: 'inferred' }),
      }),
    );
  });

  it('ties a plain copy by REUPLOAD_OF, to a stored vendor model too', async () => {
    const plan = await planTree(
      [
        'NousResearch/Meta-Llama-3-8B,someone/tuned-a,finetuned',
        'unsloth/Llama-3.1-8B,someone/tuned-b,finetuned',
      ],
      [stored('model:meta-llama/Llama-3.1-8B'), stored('model:meta-llama/Meta-Llama-3-8B')],
    );
    expect(reuploadTies(plan)).toEqual([
      'model:NousResearch/Meta-Llama-3-8B REUPLOAD_OF model:meta-llama/Meta-Llama-3-8B',
      'model:unsloth/Llama-3.1-8B REUPLOAD_OF model:meta-llama/Llama-3.1-8B',
    ]);
  });

  it("never ties a vendor's own model to a re-uploader's copy, nor a fine-tune with a parent", async () => {
    const plan = await planTree([
      'meta-llama/Llama-3.1-8B,someone/tuned-a,finetuned',
      'unsloth/Llama-3.1-8B,someone/tuned-b,finetuned',
      'meta-llama/Llama-3.1-8B,someone/Llama-3.1-8B-GGUF,quantized',
    ]);
    expect(reuploadTies(plan)).toEqual([
      'model:unsloth/Llama-3.1-8B REUPLOAD_OF model:meta-llama/Llama-3.1-8B',
    ]);
  });

  it('lists a copy that several vendor models could be, and ties none', async () => {
    const plan = await planTree([
      'meta-llama/Llama-2-7b-chat,someone/tuned-a,finetuned',
      'NousResearch/Nous-7b,someone/tuned-b,finetuned',
      'google/Shared-7B,someone/tuned-c,finetuned',
      'mistralai/Shared-7B,someone/tuned-d,finetuned',
      'someone/Shared-7B-GGUF,someone/tuned-e,finetuned',
    ]);
    expect(reuploadTies(plan)).toEqual([]);
    expect(plan.notes.ambiguous.join('\n')).toMatch(
      /edges\.csv:6: someone\/Shared-7B-GGUF may re-upload model:google\/Shared-7B or model:mistralai\/Shared-7B/,
    );
  });

  it('prefers the vendor repo spelled as the copy is, when the hub keeps two names', async () => {
    const plan = await planTree([
      'meta-llama/Llama-3.1-8B-Instruct,someone/tuned-a,finetuned',
      'meta-llama/Meta-Llama-3.1-8B-Instruct,someone/tuned-b,finetuned',
      'mlx-community/Meta-Llama-3.1-8B-Instruct-4bit,someone/tuned-c,finetuned',
    ]);
    expect(reuploadTies(plan)).toEqual([
      'model:mlx-community/Meta-Llama-3.1-8B-Instruct-4bit QUANTIZED_FROM model:meta-llama/Meta-Llama-3.1-8B-Instruct',
    ]);
  });

  it('never ties a name that equals no vendor repo exactly once normalised', async () => {
    const plan = await planTree([
      'meta-llama/Llama-3.1-8B,someone/tuned-a,finetuned',
      'someone/Llama-3.1-8B-Lexi-bnb-4bit,someone/tuned-b,finetuned',
      'someone/Llama,someone/tuned-c,finetuned',
    ]);
    expect(reuploadTies(plan)).toEqual([]);
  });
});
