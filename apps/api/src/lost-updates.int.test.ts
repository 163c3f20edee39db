import { testNamespace } from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, WRITER } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const UPSERT_MODEL = `mutation ($input: ModelInput!) {
  upsertModel(input: $input) { userErrors { code message } }
}`;
const FILE = `mutation ($input: DefectInput!) {
  fileDefect(input: $input) { defect { id } userErrors { code message } }
}`;
const STATUS = `mutation ($id: ID!, $status: DefectStatus!) {
  setDefectStatus(id: $id, status: $status) { defect { id } userErrors { code message } }
}`;
const DEFECT = `query ($id: ID!) { node(id: $id) { ... on Defect { status severity summary } } }`;

async function acknowledged(query: string, variables: Record<string, unknown>) {
  const { body } = await api.gql(query, variables, WRITER.token);
  const payload = body.data && (Object.values(body.data)[0] as { userErrors: unknown[] });
  return !body.errors && payload?.userErrors.length === 0;
}

const ROUNDS = 50;

describe('concurrent writes to one defect', () => {
  it(`keeps both the status and the re-filed fields in ${ROUNDS} races of setDefectStatus with fileDefect`, async () => {
    const ns = testNamespace();
    const origin = ns.id('model', 'lab/origin');
    expect(
      await acknowledged(UPSERT_MODEL, { input: { id: origin, kind: 'BaseModel', name: 'O' } }),
    ).toBe(true);
    const lost: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const filed = {
        id: ns.id('defect', `RACE-${round}`),
        name: 'Race',
        category: 'JAILBREAK',
        severity: 'LOW',
        summary: 'as first filed',
        originIds: [origin],
      };
      expect(await acknowledged(FILE, { input: filed })).toBe(true);
      const [fixed, refiled] = await Promise.all([
        acknowledged(STATUS, { id: filed.id, status: 'FIXED' }),
        acknowledged(FILE, { input: { ...filed, severity: 'HIGH', summary: 'as re-filed' } }),
      ]);
      expect([fixed, refiled]).toEqual([true, true]);
      const { body } = await api.gql(DEFECT, { id: filed.id });
      const after = body.data.node as { status: string; severity: string; summary: string };
      const expected = { status: 'FIXED', severity: 'HIGH', summary: 'as re-filed' };
      if (JSON.stringify(after) !== JSON.stringify(expected))
        lost.push(`round ${round}: ${JSON.stringify(after)}`);
    }
    expect(lost).toEqual([]);
  });
});
