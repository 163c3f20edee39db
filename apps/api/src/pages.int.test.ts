import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from './testing';

// What the web app's pages ask beyond the plain lists: exposure stopped upstream, defects newest
// first within a disclosure range, a provider's models.
let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

async function data(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await api.gql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const EXPOSURE = `query ($id: ID!, $stopped: Boolean) {
  exposure(nodeId: $id, includeStopped: $stopped) {
    defect { id } level mitigated stoppedBy { id } path { id } windows { from }
  }
}`;

describe('exposure with includeStopped', () => {
  it('lists a defect a mitigation stops upstream, naming the mitigating node, after the rest', async () => {
    const id = 'deployment:perplexity-ai/perplexity';
    const plain = (await data(EXPOSURE, { id })).exposure;
    const withStopped = (await data(EXPOSURE, { id, stopped: true })).exposure;
    // R1 1776 removed DeepSeek-R1's censorship (FMD-2026-0008): it never reaches Perplexity.
    expect(plain.map((row: any) => row.defect.id)).not.toContain('defect:FMD-2026-0008');
    const stopped = withStopped.find((row: any) => row.defect.id === 'defect:FMD-2026-0008');
    expect(stopped).toMatchObject({
      stoppedBy: [{ id: 'model:perplexity-ai/r1-1776' }],
      windows: [],
    });
    expect(stopped.path.map((step: any) => step.id)).toContain('model:perplexity-ai/r1-1776');
    // The defects that do reach it are unchanged, listed first, and stopped by nothing.
    const reaching = withStopped.filter((row: any) => row.stoppedBy.length === 0);
    expect(reaching).toEqual(plain.map((row: any) => ({ ...row, stoppedBy: [] })));
    expect(withStopped.slice(0, reaching.length)).toEqual(reaching);
  });
});

const DEFECTS = `query ($filter: DefectFilter, $after: String, $first: Int) {
  defects(filter: $filter, orderBy: NEWEST_FIRST, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id ... on Defect { disclosedAt severity } } }
  }
}`;

describe('defects newest first', () => {
  it('orders by disclosure, newest first, and pages by offset without gaps or repeats', async () => {
    const all = (await data(DEFECTS, { first: 500 })).defects;
    const dates = all.edges.map((edge: any) => edge.node.disclosedAt ?? '');
    const dated = dates.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(0, dated.length)).toEqual(dated);
    const first = (await data(DEFECTS, { first: 3 })).defects;
    const next = (await data(DEFECTS, { first: 3, after: first.pageInfo.endCursor })).defects;
    expect([...first.edges, ...next.edges].map((edge: any) => edge.node.id)).toEqual(
      all.edges.slice(0, 6).map((edge: any) => edge.node.id),
    );
    expect(first.totalCount).toBe(all.totalCount);
  });

  it('keeps only the defects disclosed within the range asked, with their count', async () => {
    const all = (await data(DEFECTS, { first: 500 })).defects.edges.map((e: any) => e.node);
    const dated = all.filter((d: any) => d.disclosedAt).map((d: any) => d.disclosedAt as string);
    const [from, to] = [dated[dated.length - 1]!, dated[Math.floor(dated.length / 2)]!];
    const within = (
      await data(DEFECTS, { first: 500, filter: { disclosedFrom: from, disclosedTo: to } })
    ).defects;
    const expected = all.filter(
      (d: any) => d.disclosedAt && d.disclosedAt >= from && d.disclosedAt <= to,
    );
    expect(within.edges.map((e: any) => e.node.id)).toEqual(expected.map((d: any) => d.id));
    expect(within.totalCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('refuses a disclosure bound that is not a date', async () => {
    const { body } = await api.gql(DEFECTS, { first: 5, filter: { disclosedFrom: 'last week' } });
    expect(body.errors?.[0]?.message).toMatch(/date/i);
  });
});

describe("a provider's models", () => {
  it('lists the models Meta developed, each with Meta as its provider', async () => {
    const models = (
      await data(`{ models(filter: { providerId: "provider:meta-llama" }, first: 100) {
        totalCount edges { node { id provider { id } } } } }`)
    ).models;
    expect(models.totalCount).toBeGreaterThan(0);
    for (const edge of models.edges) expect(edge.node.provider.id).toBe('provider:meta-llama');
  });
});
