import { describe, expect, it } from 'vitest';
import type { StoredCandidate } from '../plan';
import { fixture } from '../testing';
import { planAvid } from './plan';
import { lookupOf } from '../testing/fake-lookup';

const node = (id: string, name: string, extra: Partial<StoredCandidate> = {}): StoredCandidate => ({
  id,
  kind: 'BaseModel',
  name,
  curated: false,
  developers: [],
  ...extra,
});

// What the store holds before the reports are read: the vendors' models, and uploads that
// carry the same names under other owners.
const STORED = [
  node('model:openai/gpt-4o', 'GPT-4o', { curated: true, developers: ['provider:openai'] }),
  node('model:copycat/GPT-4o', 'GPT-4o', { kind: 'FineTune' }),
  node('model:openai/gpt-4o-mini', 'GPT-4o mini', {
    curated: true,
    developers: ['provider:openai'],
  }),
  node('model:meta-llama/Llama-2-7b-chat-hf', 'Llama-2-7b-chat-hf'),
  node('model:NousResearch/Llama-2-7b-chat-hf', 'Llama-2-7b-chat-hf', { kind: 'FineTune' }),
  node('model:fixture-org/Base-7B-Instruct', 'Base-7B-Instruct', { kind: 'FineTune' }),
  node('model:xai-org/grok-2', 'Grok 2', { curated: true, developers: ['provider:xai-org'] }),
  node('deployment:chatgpt', 'ChatGPT', {
    kind: 'Deployment',
    curated: true,
    developers: ['provider:openai'],
  }),
];

const report = (id: string) => fixture(`avid/reports/2026/${id}.json`);
const plan = (...ids: string[]) => planAvid(ids.map(report), lookupOf(STORED));
const affected = (batch: Awaited<ReturnType<typeof plan>>['batch'], defect: string) =>
  batch.relationships
    .filter((r) => r.type === 'AFFECTS' && r.from === defect)
    .map((r) => r.to)
    .sort();
const defectNode = (batch: Awaited<ReturnType<typeof plan>>['batch'], id: string) =>
  batch.nodes.find((n) => n.id === id) as { category?: string } | undefined;

describe('planAvid', () => {
  it('files a report on every artifact it names, each confirmed by the organisation that owns it', async () => {
    const { batch, notes } = await plan('AVID-2026-R9903');
    // Developers [OpenAI, Meta]: GPT-4o is OpenAI's, Llama-2-7b-chat-hf is Meta's (hub owner
    // meta-llama), "OpenAI GPT-4o mini" carries its vendor; the uploads of namesakes are not.
    expect(affected(batch, 'defect:AVID-2026-R9903')).toEqual([
      'model:meta-llama/Llama-2-7b-chat-hf',
      'model:openai/gpt-4o',
      'model:openai/gpt-4o-mini',
    ]);
    expect(notes.unresolved.join('\n')).toMatch(/AVID-2026-R9903.*'Fixture Unknown Model'/);
  });

  it("reads a bare name in a report on several vendors' models as a bare name when the report's developers do not own it", async () => {
    // 0DIN's multi-model disclosures list the first model's vendor only: OpenAI does not own
    // Grok 2, and does not veto the curated Grok 2 either.
    const { batch } = await plan('AVID-2026-R9908');
    expect(affected(batch, 'defect:AVID-2026-R9908')).toEqual([
      'model:openai/gpt-4o',
      'model:xai-org/grok-2',
    ]);
  });

  it('reads the vendor from the artifact name ("Meta Llama-2-7b-chat-hf")', async () => {
    const { batch } = await plan('AVID-2026-R9907');
    expect(affected(batch, 'defect:AVID-2026-R9907')).toEqual([
      'model:meta-llama/Llama-2-7b-chat-hf',
    ]);
  });

  it('files a report of the 0DIN jailbreak taxonomy as a JAILBREAK, though it states no AVID effect', async () => {
    const { batch } = await plan('AVID-2026-R9903');
    expect(defectNode(batch, 'defect:AVID-2026-R9903')?.category).toBe('JAILBREAK');
  });

  it('files a report titled "... Jailbreak ..." as a JAILBREAK', async () => {
    const { batch } = await plan('AVID-2026-R9907');
    expect(defectNode(batch, 'defect:AVID-2026-R9907')?.category).toBe('JAILBREAK');
  });

  it('files a garak probe of a jailbreak technique (phrasing) with failures as a JAILBREAK', async () => {
    const { batch } = await plan('AVID-2026-R9905');
    expect(defectNode(batch, 'defect:AVID-2026-R9905')?.category).toBe('JAILBREAK');
    expect(affected(batch, 'defect:AVID-2026-R9905')).toEqual([
      'model:fixture-org/Base-7B-Instruct',
    ]);
  });

  it('keeps a garak report whose detectors all passed as a remark, not a defect', async () => {
    const { batch, notes } = await plan('AVID-2026-R9904');
    expect(batch.nodes).toEqual([]);
    expect(batch.relationships).toEqual([]);
    expect(notes.remarks.join('\n')).toMatch(/AVID-2026-R9904.*every detector passed/);
  });

  it('never files a software package flaw on a model: the report is a remark', async () => {
    const { batch, notes } = await plan('AVID-2026-R9906', 'AVID-2026-R9902');
    expect(batch.nodes).toEqual([]);
    expect(batch.relationships).toEqual([]);
    const remarks = notes.remarks.join('\n');
    expect(remarks).toMatch(/AVID-2026-R9906.*software/);
    expect(remarks).toMatch(/AVID-2026-R9902.*software/);
  });

  it("records a software flaw's artifacts as unresolved for the plan, whatever node carries their names", async () => {
    const { matches } = await plan('AVID-2026-R9906');
    expect(matches.map((m) => [m.name, m.resolution.outcome])).toEqual([
      ['ChatGPT', 'unresolved'],
      ['fixture-gem', 'unresolved'],
    ]);
  });

  it('still resolves the artifacts of a run that passed, for the plan, without filing anything', async () => {
    const { batch, matches } = await plan('AVID-2026-R9904');
    expect(batch.relationships).toEqual([]);
    expect(matches.map((m) => m.resolution)).toEqual([
      {
        outcome: 'matched',
        id: 'model:fixture-org/Base-7B-Instruct',
        kind: 'FineTune',
        method: 'exact',
      },
    ]);
  });

  it('records where each defect and AFFECTS came from, and every match for the plan', async () => {
    const { batch, matches } = await plan('AVID-2026-R9903');
    expect(batch.nodes.find((n) => n.id === 'defect:AVID-2026-R9903')).toMatchObject({
      origin: 'import',
      recordedFrom: 'avid AVID-2026-R9903',
    });
    const toGpt4o = batch.relationships.find((r) => r.to === 'model:openai/gpt-4o');
    expect(toGpt4o).toMatchObject({
      origin: 'import',
      recordedFrom: 'avid AVID-2026-R9903',
      matchedBy: 'owner-name',
    });
    expect(matches.map((m) => [m.at, m.name, m.resolution.outcome])).toEqual([
      ['AVID-2026-R9903', 'GPT-4o', 'matched'],
      ['AVID-2026-R9903', 'Llama-2-7b-chat-hf', 'matched'],
      ['AVID-2026-R9903', 'OpenAI GPT-4o mini', 'matched'],
      ['AVID-2026-R9903', 'Fixture Unknown Model', 'unresolved'],
    ]);
  });
});
