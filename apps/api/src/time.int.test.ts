import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

// The seed's dated histories (seed/deployments.yaml, seed/models.yaml): ChatGPT ran gpt-3.5-turbo
// from 2023-03-01 until 2024-07-18, the gpt-4o family name from 2024-05-13 until 2026-02-13,
// GPT-4o mini from 2024-07-18; the gpt-4o name pointed to gpt-4o-2024-05-13 until 2024-10-02.
const CHATGPT = 'deployment:openai/chatgpt';

async function gql(query: string, variables: Record<string, unknown>) {
  const { body } = await api.gql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const WHAT_IF = `
  query ($node: ID!, $asOf: Date) {
    whatIf(nodeId: $node, category: JAILBREAK, severity: HIGH, first: 500, asOf: $asOf) {
      asOf
      exposed { edges { node { node { id } path { id } } } }
    }
  }`;

async function reachedByWhatIf(node: string, asOf?: string) {
  const data = await gql(WHAT_IF, { node, asOf });
  return {
    asOf: data.whatIf.asOf as string,
    ids: data.whatIf.exposed.edges.map((e: { node: { node: { id: string } } }) => e.node.node.id),
    paths: new Map<string, string[]>(
      data.whatIf.exposed.edges.map(
        (e: { node: { node: { id: string }; path: { id: string }[] } }) => [
          e.node.node.id,
          e.node.path.map((n) => n.id),
        ],
      ),
    ),
  };
}

const EXPOSURE = `
  query ($node: ID!, $asOf: Date, $disclosedOnly: Boolean) {
    exposure(nodeId: $node, asOf: $asOf, disclosedOnly: $disclosedOnly) {
      defect { id }
      level
      since
      path { id }
      windows { from to level mitigated }
    }
  }`;

describe('impact as of a day, on the seed', () => {
  it('exposes ChatGPT to a gpt-3.5-turbo defect as of 2024-01-01, and not today', async () => {
    const then = await reachedByWhatIf('model:openai/gpt-3.5-turbo', '2024-01-01');
    expect(then.asOf).toBe('2024-01-01');
    expect(then.paths.get(CHATGPT)).toEqual(['model:openai/gpt-3.5-turbo', CHATGPT]);
    const today = await reachedByWhatIf('model:openai/gpt-3.5-turbo');
    expect(today.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(today.ids).not.toContain(CHATGPT);
  });

  it('states the window over which a filed defect exposed ChatGPT', async () => {
    // Skeleton Key was measured on GPT-3.5 Turbo and GPT-4o: ChatGPT ran one or the other from
    // 2023-03-01 until GPT-4o left it on 2026-02-13.
    const data = await gql(EXPOSURE, { node: CHATGPT, asOf: '2024-01-01' });
    const skeletonKey = data.exposure.find(
      (row: { defect: { id: string } }) => row.defect.id === 'defect:FMD-2026-0009',
    );
    expect(skeletonKey).toMatchObject({ level: 'CERTAIN', since: '2023-03-01' });
    expect(
      skeletonKey.windows.map((w: { from: string; to: string; level: string }) => [
        w.from,
        w.to,
        w.level,
      ]),
    ).toEqual([['2023-03-01', '2026-02-13', 'CERTAIN']]);
    expect(skeletonKey.path.map((n: { id: string }) => n.id)).toEqual([
      'model:openai/gpt-3.5-turbo',
      CHATGPT,
    ]);

    const today = await gql(EXPOSURE, { node: CHATGPT });
    expect(today.exposure.map((row: { defect: { id: string } }) => row.defect.id)).not.toContain(
      'defect:FMD-2026-0009',
    );
    // Disclosed on 2024-06-26: counted only from then when asked so.
    const disclosed = await gql(EXPOSURE, {
      node: CHATGPT,
      asOf: '2024-01-01',
      disclosedOnly: true,
    });
    expect(
      disclosed.exposure.map((row: { defect: { id: string } }) => row.defect.id),
    ).not.toContain('defect:FMD-2026-0009');
  });

  it('reaches ChatGPT from a gpt-4o snapshot only while the gpt-4o name pointed at it', async () => {
    const snapshot = 'model:openai/gpt-4o-2024-05-13';
    const current = await reachedByWhatIf(snapshot, '2024-06-01');
    expect(current.paths.get(CHATGPT)).toEqual([snapshot, 'model:openai/gpt-4o', CHATGPT]);
    expect((await reachedByWhatIf(snapshot, '2024-11-01')).ids).not.toContain(CHATGPT);
    // The next snapshot takes over on 2024-10-02.
    const next = await reachedByWhatIf('model:openai/gpt-4o-2024-08-06', '2024-11-01');
    expect(next.ids).toContain(CHATGPT);
  });

  it('exposes nothing before a deployment launched', async () => {
    const impact = await gql(
      `query ($asOf: Date) {
        impact(defectId: "defect:FMD-2026-0009", asOf: $asOf, first: 500) {
          exposed { edges { node { node { id } } } }
        }
      }`,
      { asOf: '2022-06-01' },
    );
    const ids = impact.impact.exposed.edges.map(
      (e: { node: { node: { id: string } } }) => e.node.node.id,
    );
    expect(ids).not.toContain(CHATGPT);
    expect((await gql(EXPOSURE, { node: CHATGPT, asOf: '2022-06-01' })).exposure).toEqual([]);
  });

  it('refuses a malformed date, naming it', async () => {
    const { body } = await api.gql(WHAT_IF, { node: 'model:openai/gpt-4o', asOf: '2024-02-30' });
    expect(body.errors?.[0]?.message).toMatch(/'2024-02-30' is not a date/);
  });

  it('lists what changed around the switch to GPT-4o mini', async () => {
    const data = await gql(
      `query {
        changesBetween(from: "2024-07-01", to: "2024-07-31") {
          from to
          relationships { change on relationship { type from { id } to { id } } }
          exposures { change defect { id } deployment { id } }
        }
      }`,
      {},
    );
    const changes = data.changesBetween;
    const chatgpt = changes.relationships
      .filter((c: { relationship: { from: { id: string } } }) => c.relationship.from.id === CHATGPT)
      .map((c: { change: string; on: string; relationship: { to: { id: string } } }) => [
        c.change,
        c.on,
        c.relationship.to.id,
      ]);
    expect(chatgpt).toEqual(
      expect.arrayContaining([
        ['ENDED', '2024-07-18', 'model:openai/gpt-3.5-turbo'],
        ['BEGAN', '2024-07-18', 'model:openai/gpt-4o-mini'],
      ]),
    );
    // ChatGPT still ran GPT-4o, which Skeleton Key also affects: that exposure stays open.
    expect(
      changes.exposures.filter(
        (e: { defect: { id: string }; deployment: { id: string } }) =>
          e.deployment.id === CHATGPT && e.defect.id === 'defect:FMD-2026-0009',
      ),
    ).toEqual([]);
  });
});
