import { describe, expect, it } from 'vitest';
import { OrganisationIndex } from '../identity/organisations-index';
import type { NodeLookup, StoredCandidate } from '../plan';
import { NameResolver, type NameReference } from './name-resolver';
import { ReviewDecisions } from './review-decisions';
import { lookupOf } from '../testing/fake-lookup';

const table = new OrganisationIndex([
  {
    providerId: 'provider:meta-llama',
    name: 'Meta',
    aliases: ['Meta AI'],
    hubOwners: ['meta-llama', 'facebook'],
    sources: ['https://ai.meta.com'],
  },
  {
    providerId: 'provider:openai',
    name: 'OpenAI',
    aliases: [],
    hubOwners: ['openai'],
    sources: ['https://openai.com'],
  },
]);

const node = (id: string, name: string, extra: Partial<StoredCandidate> = {}): StoredCandidate => ({
  id,
  kind: 'FineTune',
  name,
  curated: false,
  developers: [],
  ...extra,
});

async function resolve(
  nodes: StoredCandidate[],
  reference: NameReference,
  decisions?: ReviewDecisions,
) {
  const resolver = await NameResolver.prepare(lookupOf(nodes), [reference], { table, decisions });
  return resolver.resolve(reference);
}

const upload = node('model:AryamanJaggi/Llama', 'Llama');
const gpt4o = node('model:openai/gpt-4o', 'GPT-4o', {
  kind: 'BaseModel',
  curated: true,
  developers: ['provider:openai'],
});

describe('NameResolver', () => {
  it('never joins a bare name to an arbitrary upload', async () => {
    const result = await resolve([upload], { name: 'LLaMA', groups: ['Model'] });
    expect(result).toMatchObject({
      outcome: 'unresolved',
      candidates: ['model:AryamanJaggi/Llama'],
    });
  });

  it('does not join an upload under another owner than the one the source states', async () => {
    const result = await resolve([upload], { name: 'LLaMA', owners: ['Meta'], groups: ['Model'] });
    expect(result.outcome).toBe('unresolved');
  });

  it('joins a name under the stated owner: its hub owner confirms it', async () => {
    const own = node('model:meta-llama/Llama-3.3-70B-Instruct', 'Llama-3.3-70B-Instruct');
    const copy = node('model:unsloth/Llama-3.3-70B-Instruct', 'Llama-3.3-70B-Instruct');
    const result = await resolve([own, copy], {
      name: 'Llama-3.3-70B-Instruct',
      owners: ['Meta AI'],
      groups: ['Model'],
    });
    expect(result).toEqual({
      outcome: 'matched',
      id: own.id,
      kind: 'FineTune',
      method: 'owner-name',
    });
  });

  it('reads the owner from a vendor prefix ("OpenAI GPT-4o")', async () => {
    const result = await resolve([gpt4o], { name: 'OpenAI GPT-4o', groups: ['Model'] });
    expect(result).toMatchObject({ outcome: 'matched', id: gpt4o.id, method: 'owner-name' });
  });

  it('joins a bare name to a curated node, but not one another organisation developed', async () => {
    expect(await resolve([gpt4o], { name: 'GPT-4o', groups: ['Model'] })).toMatchObject({
      outcome: 'matched',
      method: 'alias',
    });
    const result = await resolve([gpt4o], { name: 'GPT-4o', owners: ['Meta'], groups: ['Model'] });
    expect(result.outcome).toBe('unresolved');
  });

  it('takes a Hugging Face repo id as the id, whatever its letter case', async () => {
    const stored = node('model:deepseek-ai/DeepSeek-V3', 'DeepSeek-V3', { kind: 'BaseModel' });
    const result = await resolve([stored], { name: 'deepseek-ai/deepseek-v3', groups: ['Model'] });
    expect(result).toEqual({
      outcome: 'matched',
      id: stored.id,
      kind: 'BaseModel',
      method: 'exact',
    });
  });

  it('calls two curated namesakes ambiguous', async () => {
    const a = node('model:a/zephyr', 'Zephyr', { curated: true });
    const b = node('model:b/zephyr', 'Zephyr', { curated: true });
    const result = await resolve([a, b], { name: 'Zephyr', groups: ['Model'] });
    expect(result).toMatchObject({ outcome: 'ambiguous', candidates: [a.id, b.id] });
  });

  it('keeps to the kinds asked for', async () => {
    const result = await resolve([gpt4o], { name: 'GPT-4o', groups: ['Dataset'] });
    expect(result.outcome).toBe('unresolved');
  });

  it('honours a review: an accepted match joins, a rejected one never does', async () => {
    const decide = (verdict: 'accept' | 'reject') =>
      new ReviewDecisions([
        {
          name: 'Llama',
          owner: '',
          id: upload.id,
          kind: 'FineTune',
          verdict,
          by: 'ana',
          at: '2026-12-02',
        },
      ]);
    expect(
      await resolve([upload], { name: 'LLaMA', groups: ['Model'] }, decide('accept')),
    ).toMatchObject({
      outcome: 'matched',
      id: upload.id,
      method: 'reviewed',
    });
    const curatedTwin = node('model:AryamanJaggi/Llama', 'Llama', { curated: true });
    expect(
      await resolve([curatedTwin], { name: 'LLaMA', groups: ['Model'] }, decide('reject')),
    ).toMatchObject({ outcome: 'unresolved' });
  });

  it("compares an owner's nodes by exact key, whatever the index makes of their words", async () => {
    const phi = node('model:meta-llama/phi-1_5', 'phi-1_5');
    // The name index finds nothing for "Phi-1.5"; the owner's own nodes are compared by key.
    const lookup: NodeLookup = {
      ...lookupOf([]),
      nodesOwnedBy: (owners) =>
        Promise.resolve(
          new Map(owners.map((o) => [o.providerId, [{ ...phi, aliases: [] }]] as const)),
        ),
    };
    const reference = { name: 'Phi-1.5', owners: ['Meta'], groups: ['Model'] as const };
    const resolver = await NameResolver.prepare(lookup, [reference], { table });
    expect(resolver.resolve(reference)).toMatchObject({ outcome: 'matched', id: phi.id });
  });

  it("takes the one repo an organisation publishes under a bare name, never another's copy", async () => {
    const own = node(
      'model:meta-llama/Llama-3.2-11B-Vision-Instruct',
      'Llama-3.2-11B-Vision-Instruct',
    );
    const copy = node(
      'model:someone/Llama-3.2-11B-Vision-Instruct',
      'Llama-3.2-11B-Vision-Instruct',
    );
    const reference = { name: 'Llama-3.2-11B-Vision-Instruct', groups: ['Model'] as const };
    expect(await resolve([own, copy], reference)).toMatchObject({
      outcome: 'matched',
      id: own.id,
      method: 'owner-name',
    });
    // A stated owner that is not the publisher keeps it apart.
    expect((await resolve([own, copy], { ...reference, owners: ['OpenAI'] })).outcome).toBe(
      'unresolved',
    );
  });
});
