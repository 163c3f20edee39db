import { batch, link, node, testNamespace } from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const SEARCH = `query ($text: String!, $kinds: [NodeKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) {
    totalCount
    totalCountCapped
    byKind { kind count }
    edges { node { match score node { id name } } }
  }
}`;

async function search(text: string, kinds?: string[], first = 20) {
  const { body } = await api.gql(SEARCH, { text, kinds, first });
  expect(body.errors).toBeUndefined();
  return body.data.search as {
    totalCount: number;
    totalCountCapped: boolean;
    byKind: { kind: string; count: number }[];
    edges: { node: { match: string; score: number; node: { id: string; name: string } } }[];
  };
}
const ids = (page: Awaited<ReturnType<typeof search>>) => page.edges.map((e) => e.node.node.id);

/** A namespace plus a made-up word of letters only (the token's hex digits mapped to letters),
 * unique to the test, so its names match nothing else in the shared test graph. */
function namespaceWithWord() {
  const ns = testNamespace();
  const word = `zq${ns.token.replace(/[^0-9a-f]/g, '').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]!)}`;
  return { ns, word, Word: word[0]!.toUpperCase() + word.slice(1) };
}

const change = { by: 'test', action: 'test', summary: 'search' };

describe('search forgives', () => {
  it('finds a name misspelt by a letter (a word of 4+ letters), marked SIMILAR', async () => {
    const { ns, word, Word } = namespaceWithWord();
    const id = ns.id('model', 'lab/base');
    await api.store.write(batch([node({ id, kind: 'BaseModel', name: `${Word} 8B` })]), change);
    const typo = word.slice(0, 3) + word.slice(4); // one letter dropped
    const page = await search(typo);
    const hit = page.edges.find((e) => e.node.node.id === id);
    expect(hit?.node.match).toBe('SIMILAR');
    // Three letters are too few to guess at: no fuzziness, so no hit.
    expect(ids(await search(word.slice(0, 2) + 'x'))).not.toContain(id);
  });

  it('ignores spacing and punctuation between letters and digits: X4o finds X-4o, x3.1 finds X 3.1', async () => {
    const { ns, Word, word } = namespaceWithWord();
    const dashed = ns.id('model', 'lab/dashed');
    const spaced = ns.id('model', 'lab/spaced');
    await api.store.write(
      batch([
        node({ id: dashed, kind: 'BaseModel', name: `${Word}-4o` }),
        node({ id: spaced, kind: 'BaseModel', name: `${Word} 3.1 8B` }),
      ]),
      change,
    );
    const joined = await search(`${Word}4o`);
    expect(ids(joined)[0]).toBe(dashed);
    expect(joined.edges[0]!.node.match).toBe('EXACT');
    expect(ids(await search(`${word}3.1`))).toContain(spaced);
    expect(ids(await search(`${word}-3.1-8b`))[0]).toBe(spaced);
  });

  it('finds ids of every kind, with or without their kind prefix, in any case', async () => {
    const { ns } = namespaceWithWord();
    const defect = ns.id('defect', 'FMD-2026-0042');
    const model = ns.id('model', 'owner/Some-Model-7B');
    await api.store.write(
      batch([
        node({ id: model, kind: 'FineTune', name: 'Unrelated name' }),
        node({
          id: defect,
          kind: 'Defect',
          name: 'A defect whose name shares nothing with its id',
          category: 'SAFETY_GAP',
          severity: 'LOW',
          status: 'OPEN',
        }),
      ]),
      change,
    );
    for (const text of [defect, defect.replace('defect:', ''), defect.toUpperCase()]) {
      const page = await search(text);
      expect(ids(page)[0], text).toBe(defect);
      expect(page.edges[0]!.node.match).toBe('EXACT');
    }
    expect(ids(await search(model.replace('model:', '')))[0]).toBe(model);
    expect(ids(await search(model))[0]).toBe(model);
  });

  it('puts a name equal to the text first, before a longer, better-connected name', async () => {
    const { ns, Word } = namespaceWithWord();
    const exact = ns.id('model', 'lab/exact');
    const mini = ns.id('model', 'lab/mini');
    const tunes = [1, 2, 3].map((i) => ns.id('model', `lab/tune-${i}`));
    await api.store.write(
      batch(
        [
          node({ id: exact, kind: 'BaseModel', name: `${Word}-4o` }),
          node({
            id: mini,
            kind: 'BaseModel',
            name: `${Word}-4o mini`,
            aliases: [`${Word}-4o-mini`],
          }),
          ...tunes.map((id) => node({ id, kind: 'FineTune', name: `Tune ${id}` })),
        ],
        tunes.map((id) => link('FINE_TUNED_FROM', id, mini)),
      ),
      change,
    );
    const page = await search(`${Word}-4o`);
    expect(ids(page).slice(0, 2)).toEqual([exact, mini]);
    expect(page.edges.map((e) => e.node.match).slice(0, 2)).toEqual(['EXACT', 'WORDS']);
  });

  it('counts the repository name in an id as exact: the original upload before copies named like it', async () => {
    const { ns, Word } = namespaceWithWord();
    const original = ns.id('model', `org/${Word}-2-7b-hf`);
    const copy = ns.id('model', `mirror/${Word}-2-7b-hf-GGUF`);
    await api.store.write(
      batch(
        [
          node({ id: original, kind: 'BaseModel', name: `${Word} 2 7B` }),
          node({ id: copy, kind: 'Quantization', name: `${Word}-2-7b-hf-GGUF` }),
        ],
        [link('QUANTIZED_FROM', copy, original)],
      ),
      change,
    );
    const page = await search(`${Word}-2-7b-hf`);
    expect(ids(page).slice(0, 2)).toEqual([original, copy]);
    expect(page.edges.map((e) => e.node.match).slice(0, 2)).toEqual(['EXACT', 'WORDS']);
  });

  it('counts hits per kind before the kinds filter, and filters by kind', async () => {
    const { ns, Word } = namespaceWithWord();
    await api.store.write(
      batch([
        node({ id: ns.id('model', 'a/one'), kind: 'BaseModel', name: `${Word} one` }),
        node({ id: ns.id('model', 'a/two'), kind: 'FineTune', name: `${Word} two` }),
        node({ id: ns.id('dataset', 'a/three'), kind: 'Dataset', name: `${Word} three` }),
      ]),
      change,
    );
    const page = await search(Word, ['Dataset']);
    expect(page.totalCount).toBe(1);
    expect(page.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'BaseModel', count: 1 },
        { kind: 'FineTune', count: 1 },
        { kind: 'Dataset', count: 1 },
      ]),
    );
  });

  it('reads Lucene syntax as plain words and refuses a long text with BAD_USER_INPUT, never a database error', async () => {
    for (const text of [
      '(',
      '"',
      '~',
      '*',
      '\\',
      'llama~2 AND (x OR "y',
      'a:b/c\\d*?',
      'OR',
      '-',
    ]) {
      const { body } = await api.gql(SEARCH, { text });
      expect(body.errors, text).toBeUndefined();
    }
    const { body } = await api.gql(SEARCH, { text: 'llama '.repeat(40) });
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^text: a search text has at most/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'text' },
    });
  });
});

describe('search at scale', () => {
  it('ranks at most the best 1,000 hits of a common word, and says the count is "at least"', async () => {
    const { ns, word, Word } = namespaceWithWord();
    const nodes = Array.from({ length: 1_050 }, (_, i) =>
      node({
        id: ns.id('model', `lab/common-${i}`),
        kind: 'FineTune',
        name: `${Word} common ${i}`,
      }),
    );
    const rare = ns.id('model', 'lab/rare');
    nodes.push(node({ id: rare, kind: 'BaseModel', name: `${Word}rare` }));
    await api.store.write(batch(nodes), change);

    const common = await search(word);
    expect(common.totalCountCapped).toBe(true);
    expect(common.totalCount).toBe(1_000);
    expect(common.edges).toHaveLength(20);
    expect(common.byKind.reduce((sum, row) => sum + row.count, 0)).toBe(1_000);

    const few = await search(`${word}rare`);
    expect(few.totalCountCapped).toBe(false);
    expect(ids(few)).toEqual([rare]);
  });
});
