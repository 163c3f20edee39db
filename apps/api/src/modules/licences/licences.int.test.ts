import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../../testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const R1_8B = 'model:deepseek-ai/DeepSeek-R1-Distill-Llama-8B';
const PROBLEM = `kind text declared { id } inherited { id name source obligations { userThreshold naming } }
  from { id } path { id } level dropped acknowledged reason`;

describe('licences through GraphQL', () => {
  it("reads a node's licence, the terms it inherits and where its declared licence drops them", async () => {
    const { body } = await api.gql(
      `query ($id: ID!) {
        nodeLicence(id: $id) {
          text declared { id spdx } alsoNamed { id }
          inherited { licence { id } from { id } path { id } level }
          problems { ${PROBLEM} }
          upstream { node { id } }
        }
        unknown: nodeLicence(id: "model:no/such-model") { text }
      }`,
      { id: R1_8B },
    );
    expect(body.errors).toBeUndefined();
    const licence = body.data.nodeLicence;
    expect(licence.text).toMatch(/^MIT; derived from Llama 3\.1 8B Base/);
    expect(licence.declared).toEqual({ id: 'mit', spdx: 'MIT' });
    expect(licence.alsoNamed).toEqual([{ id: 'llama3.1' }]);
    const base = { id: 'model:meta-llama/Llama-3.1-8B' };
    expect(licence.inherited).toEqual([
      { licence: { id: 'llama3.1' }, from: base, path: [base, { id: R1_8B }], level: 'CERTAIN' },
    ]);
    expect(licence.problems).toMatchObject([
      {
        kind: 'DROPS',
        declared: { id: 'mit' },
        inherited: { id: 'llama3.1', obligations: { userThreshold: 700_000_000 } },
        from: base,
        path: [base, { id: R1_8B }],
        level: 'CERTAIN',
        acknowledged: true,
      },
    ]);
    expect(licence.problems[0].inherited.source).toMatch(/^https:\/\//);
    expect(licence.problems[0].dropped).toEqual(expect.arrayContaining(['acceptableUse']));
    expect(licence.upstream).toEqual([{ node: { id: R1_8B } }]);
    expect(body.data.unknown).toBeNull();
  });

  it("lists the whole graph's problems, of one kind when asked, and the catalogue", async () => {
    const { body } = await api.gql(`{
      all: licenceCheck(first: 500) { checked count conflicts drops problems { kind node { id } } }
      drops: licenceCheck(kind: DROPS, first: 1) { count problems { kind } }
      licences { id verified source }
    }`);
    expect(body.errors).toBeUndefined();
    const { all, drops } = body.data;
    expect(all.checked).toBeGreaterThan(0);
    expect(all.problems.map((p: { node: { id: string } }) => p.node.id)).toContain(R1_8B);
    expect(drops.problems).toEqual([{ kind: 'DROPS' }]);
    expect(drops.count).toBe(all.drops);
    expect(all.conflicts + all.drops).toBe(all.count);
    const tooMany = await api.gql('{ licenceCheck(first: 501) { count } }');
    expect(tooMany.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.data.licences.map((l: { id: string }) => l.id)).toEqual(
      expect.arrayContaining(['mit', 'apache-2.0', 'llama2', 'llama3.1', 'gemma', 'cc-by-nc-4.0']),
    );
  });
});
