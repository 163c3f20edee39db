import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from './pagination';
import { testApi } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

/** The first error of a request, with the size of the whole answer. */
async function refusal(query: string, variables: Record<string, unknown> = {}) {
  const response = await api.app.fetch('http://lineage.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const error = JSON.parse(text).errors?.[0];
  return {
    bytes: text.length,
    code: error?.extensions?.code,
    argument: error?.extensions?.argument,
    message: String(error?.message),
  };
}

/** Nothing of Java, Neo4j or a stack ever reaches a caller. */
const INTERNALS = /automaton|exception|java|lucene|neo4j|overflow|org\.|\n\s+at /i;

describe('search text', () => {
  it('refuses a word of 1,001 characters with BAD_USER_INPUT naming text, no Java in sight', async () => {
    const error = await refusal('query ($t: String!) { search(text: $t) { totalCount } }', {
      t: 'a'.repeat(1_001),
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    expect(error.message).not.toMatch(INTERNALS);
  });

  it('refuses a text of too many words or characters, or too long a word', async () => {
    for (const t of [Array(40).fill('llama').join(' '), 'llama '.repeat(200), 'l'.repeat(65)]) {
      const error = await refusal('query ($t: String!) { search(text: $t) { totalCount } }', { t });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    }
  });
});

describe('cursors', () => {
  it('refuses an offset cursor past 2^63 with BAD_USER_INPUT naming after', async () => {
    const after = encodeCursor(`offset:${'9'.repeat(25)}`);
    for (const query of [
      'query ($after: String) { search(text: "llama", after: $after) { totalCount } }',
      'query ($after: String) { impact(defectId: "defect:FMD-2026-0008", after: $after) { exposed { totalCount } } }',
    ]) {
      const error = await refusal(query, { after });
      expect(error, query).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(error.message).not.toMatch(INTERNALS);
    }
  });

  it('refuses an audit-trail cursor past 2^63 with BAD_USER_INPUT naming after', async () => {
    const error = await refusal(
      'query ($after: String) { changes(after: $after) { edges { node { graphVersion } } } }',
      { after: encodeCursor('9'.repeat(25)) },
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.message).not.toMatch(INTERNALS);
  });
});

describe('id lists', () => {
  const WHAT_IF = `query ($ids: [ID!]) { whatIf(nodeId: "model:meta-llama/Llama-2-7b-chat-hf",
    category: JAILBREAK, severity: HIGH, assumeMitigations: $ids) { totals { exposed } } }`;

  it('refuses 200,000 unknown ids in a short answer naming the argument', async () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `model:nobody/unknown-${i}`);
    const error = await refusal(WHAT_IF, { ids });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'assumeMitigations' });
    expect(error.bytes).toBeLessThan(2_000);
  });

  it('refuses unknown ids with one message naming a few of them and how many', async () => {
    const ids = [
      'deployment:openai/chatgpt',
      ...Array.from({ length: 30 }, (_, i) => `model:nobody/unknown-${i}`),
    ];
    const error = await refusal(WHAT_IF, { ids });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'assumeMitigations' });
    expect(error.message).toContain('model:nobody/unknown-0');
    expect(error.message).toContain('30');
    expect(error.message).not.toContain('model:nobody/unknown-29');
    expect(error.bytes).toBeLessThan(2_000);
  });
});
