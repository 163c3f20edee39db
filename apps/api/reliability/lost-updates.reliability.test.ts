import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSuiteApi, type ApiProcess } from './api-process';
import { runLineage } from './cli-process';
import { postGraphQL } from '@lineage/testkit';
import { WRITER } from './tokens';

// Two writers on the same records, both acknowledged: the final state must hold both changes.
// Each race runs ROUNDS times against the API as a child process (and the real `lineage import`).
const ROUNDS = 50;

let api: ApiProcess;
let scratch: string;
beforeAll(async () => {
  api = await startSuiteApi({ neo4jUri: inject('reliabilityNeo4jUri') });
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-lost-updates-'));
});
afterAll(async () => {
  await api?.stop();
  await rm(scratch, { recursive: true, force: true });
});

const UPSERT_MODEL = `mutation ($input: ModelInput!) {
  upsertModel(input: $input) { node { id } userErrors { code message } }
}`;
const FILE = `mutation ($input: DefectInput!) {
  fileDefect(input: $input) { defect { id } userErrors { code message } }
}`;
const STATUS = `mutation ($id: ID!, $status: DefectStatus!) {
  setDefectStatus(id: $id, status: $status) { defect { id } userErrors { code message } }
}`;
const NODE = `query ($id: ID!) {
  node(id: $id) { name verified ... on Defect { status severity summary } }
}`;

/** Sends a mutation; answers whether it was acknowledged (no error, no userError). */
async function acknowledged(query: string, variables: Record<string, unknown>) {
  const answer = await postGraphQL(api.url, { query, variables }, { token: WRITER.token });
  const payload = answer.data && (Object.values(answer.data)[0] as { userErrors: unknown[] });
  return answer.status === 200 && !answer.errors?.length && payload?.userErrors.length === 0;
}

async function read(id: string) {
  const answer = await postGraphQL(api.url, { query: NODE, variables: { id } });
  return answer.data?.node as Record<string, unknown> | null;
}

const namespace = () => `t${randomBytes(5).toString('hex')}-`;
const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 30));

describe('writers racing on the same records', () => {
  it(`loses nothing when setDefectStatus races fileDefect on one defect, ${ROUNDS} times`, async () => {
    const ns = namespace();
    const origin = `model:${ns}lab/origin`;
    expect(
      await acknowledged(UPSERT_MODEL, {
        input: { id: origin, kind: 'BaseModel', name: 'Origin' },
      }),
    ).toBe(true);
    const lost: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const filed = {
        id: `defect:${ns}RACE-${round}`,
        name: 'Race',
        category: 'JAILBREAK',
        severity: 'LOW',
        summary: 'as first filed',
        originIds: [origin],
      };
      expect(await acknowledged(FILE, { input: filed })).toBe(true);
      const [fixed, refiled] = await Promise.all([
        acknowledged(STATUS, { id: filed.id, status: 'FIXED' }),
        jitter().then(() =>
          acknowledged(FILE, { input: { ...filed, severity: 'HIGH', summary: 'as re-filed' } }),
        ),
      ]);
      expect([fixed, refiled]).toEqual([true, true]);
      const after = await read(filed.id);
      if (after?.status !== 'FIXED' || after.severity !== 'HIGH' || after.summary !== 'as re-filed')
        lost.push(`round ${round}: ${JSON.stringify(after)}`);
    }
    expect(lost).toEqual([]);
  });

  it(
    `overwrites nothing the API writes while lineage import reconciles, ${ROUNDS} times`,
    { timeout: 900_000 },
    async () => {
      const overwritten: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const ns = namespace();
        // An HF tree of a few hundred models; the API files one of them as curated while the
        // import runs, starting at the moment the import says it reconciles.
        const lines = ['source,target,edge'];
        for (let i = 1; i <= 300; i++) lines.push(`${ns}lab/m-${i >> 1},${ns}lab/m-${i},finetuned`);
        const file = path.join(scratch, `${ns}edges.csv`);
        await writeFile(file, `${lines.join('\n')}\n`);
        const curated = `model:${ns}lab/m-${1 + Math.floor(Math.random() * 300)}`;

        const run = runLineage(inject('reliabilityNeo4jUri'), [
          'import',
          file,
          '--format',
          'hf-tree',
        ]);
        await run.waitForLine(/reconcil/);
        await jitter();
        const apiWrote = await acknowledged(UPSERT_MODEL, {
          input: { id: curated, kind: 'FineTune', name: 'Curated', verified: false },
        });
        const { code, stderr } = await run.done;
        expect(code, stderr).toBe(0);
        expect(apiWrote).toBe(true);
        const after = await read(curated);
        if (after?.name !== 'Curated' || after.verified !== false)
          overwritten.push(`round ${round}: ${curated} ${JSON.stringify(after)}`);
      }
      expect(overwritten).toEqual([]);
    },
  );
});
