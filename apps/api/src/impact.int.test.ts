import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const IMPACT = `
  query Impact($id: ID!, $first: Int, $after: String, $kinds: [NodeKind!], $minLevel: ExposureLevel, $asOf: Date) {
    impact(defectId: $id, first: $first, after: $after, kinds: $kinds, minLevel: $minLevel, asOf: $asOf) {
      defect { id category }
      totals { exposed mitigated deployments byLevel { level count } byKind { kind count } }
      mitigated { node { id } level distance path { id } mitigated }
      deploymentsByProvider { provider { id } deployments { node { id } level } }
      exposed {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { node { id } level distance path { id } } }
      }
    }
  }`;

async function impact(id: string, extra: Record<string, unknown> = {}) {
  const { body } = await api.gql(IMPACT, { id, first: 200, ...extra });
  expect(body.errors).toBeUndefined();
  return body.data.impact;
}

function exposedRow(result: { exposed: { edges: { node: any }[] } }, id: string) {
  const edge = result.exposed.edges.find((e) => e.node.node.id === id);
  return (
    edge && {
      level: edge.node.level,
      distance: edge.node.distance,
      path: edge.node.path.map((n: { id: string }) => n.id),
    }
  );
}

describe('impact on the seed, checked by hand', () => {
  it('follows DeepSeek-R1 censorship through a distillation at LIKELY, and stops at R1 1776', async () => {
    const result = await impact('defect:FMD-2026-0008');
    // BIAS crosses DISTILLED_FROM at LIKELY and DEPLOYS at CERTAIN: LIKELY overall.
    expect(exposedRow(result, 'deployment:cloudflare/workers-ai')).toEqual({
      level: 'LIKELY',
      distance: 2,
      path: [
        'model:deepseek-ai/DeepSeek-R1',
        'model:deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
        'deployment:cloudflare/workers-ai',
      ],
    });
    expect(exposedRow(result, 'deployment:amazon/bedrock')).toMatchObject({
      level: 'CERTAIN',
      distance: 1,
    });
    // R1 1776 was post-trained to remove the censorship: reported, and nothing passes through it.
    expect(result.mitigated).toContainEqual({
      node: { id: 'model:perplexity-ai/r1-1776' },
      level: 'LIKELY',
      distance: 1,
      path: [{ id: 'model:deepseek-ai/DeepSeek-R1' }, { id: 'model:perplexity-ai/r1-1776' }],
      mitigated: true,
    });
    expect(exposedRow(result, 'deployment:perplexity-ai/perplexity')).toBeUndefined();
    expect(exposedRow(result, 'model:perplexity-ai/r1-1776')).toBeUndefined();
  });

  it('caps an inferred fine-tune at LIKELY for the Llama 2 licence, and reaches quantizations', async () => {
    const result = await impact('defect:FMD-2026-0011');
    expect(exposedRow(result, 'model:lmsys/vicuna-13b-v1.5')).toMatchObject({
      level: 'LIKELY',
      distance: 1,
    });
    expect(exposedRow(result, 'model:TheBloke/Llama-2-7B-Chat-GGUF')).toEqual({
      level: 'CERTAIN',
      distance: 2,
      path: [
        'model:meta-llama/Llama-2-7b-hf',
        'model:meta-llama/Llama-2-7b-chat-hf',
        'model:TheBloke/Llama-2-7B-Chat-GGUF',
      ],
    });
  });

  it('carries Skeleton Key through products built on products, and marks Azure OpenAI mitigated', async () => {
    // As of mid-2024, when Snap's My AI ran on the ChatGPT API and that API on gpt-3.5-turbo.
    const result = await impact('defect:FMD-2026-0009', { asOf: '2024-07-01' });
    // The ChatGPT API serves gpt-3.5-turbo itself (it is not built on the ChatGPT app).
    expect(exposedRow(result, 'deployment:snap/my-ai')).toEqual({
      level: 'CERTAIN',
      distance: 2,
      path: [
        'model:openai/gpt-3.5-turbo',
        'deployment:openai/chatgpt-api',
        'deployment:snap/my-ai',
      ],
    });
    expect(result.mitigated.map((m: { node: { id: string } }) => m.node.id)).toContain(
      'deployment:microsoft/azure-openai-service',
    );
    expect(exposedRow(result, 'deployment:microsoft/azure-openai-service')).toBeUndefined();
  });

  it('lists what reaches a product: R1 jailbreaks reach Perplexity through R1 1776, the censorship does not', async () => {
    const { body } = await api.gql(
      `{ exposure(nodeId: "deployment:perplexity-ai/perplexity") { defect { id } level distance mitigated path { id } } }`,
    );
    const rows = body.data.exposure;
    expect(rows).toContainEqual({
      defect: { id: 'defect:FMD-2026-0006' },
      level: 'CERTAIN',
      distance: 2,
      mitigated: false,
      path: [
        { id: 'model:deepseek-ai/DeepSeek-R1' },
        { id: 'model:perplexity-ai/r1-1776' },
        { id: 'deployment:perplexity-ai/perplexity' },
      ],
    });
    expect(rows.map((r: { defect: { id: string } }) => r.defect.id)).not.toContain(
      'defect:FMD-2026-0008',
    );
  });
});

describe('the shape of an impact', () => {
  it('keeps totals for the whole impact whatever the page or filter', async () => {
    const whole = await impact('defect:FMD-2026-0008');
    const page = await impact('defect:FMD-2026-0008', {
      first: 2,
      kinds: ['Deployment'],
      minLevel: 'CERTAIN',
    });
    expect(page.totals).toEqual(whole.totals);
    const sum = whole.totals.byLevel.reduce(
      (n: number, row: { count: number }) => n + row.count,
      0,
    );
    expect(sum).toBe(whole.totals.exposed);
    expect(page.exposed.edges).toHaveLength(2);
    expect(page.exposed.edges.every((e: any) => e.node.level === 'CERTAIN')).toBe(true);
  });

  it('orders exposed nodes by level, then distance, then id, and pages through them', async () => {
    const all = (await impact('defect:FMD-2026-0008')).exposed.edges.map((e: any) => e.node);
    const rank = ['POSSIBLE', 'LIKELY', 'CERTAIN', 'CONFIRMED'];
    const sorted = [...all].sort(
      (a, b) =>
        rank.indexOf(b.level) - rank.indexOf(a.level) ||
        a.distance - b.distance ||
        (a.node.id < b.node.id ? -1 : 1),
    );
    expect(all).toEqual(sorted);
    const first = await impact('defect:FMD-2026-0008', { first: 3 });
    const next = await impact('defect:FMD-2026-0008', {
      first: 3,
      after: first.exposed.pageInfo.endCursor,
    });
    const paged = [...first.exposed.edges, ...next.exposed.edges].map((e: any) => e.node.node.id);
    expect(paged).toEqual(all.slice(0, 6).map((row: any) => row.node.id));
  });

  it('groups exposed deployments by the provider operating them', async () => {
    const result = await impact('defect:FMD-2026-0008');
    const amazon = result.deploymentsByProvider.find(
      (g: any) => g.provider?.id === 'provider:amazon',
    );
    expect(amazon.deployments.map((d: any) => d.node.id)).toEqual(['deployment:amazon/bedrock']);
    const grouped = result.deploymentsByProvider.flatMap((g: any) => g.deployments).length;
    expect(grouped).toBe(result.totals.deployments);
  });

  it('says NOT_FOUND for a defect that does not exist', async () => {
    const { body } = await api.gql(IMPACT, { id: 'defect:NOPE-1' });
    expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('what-if', () => {
  const WHAT_IF = `query ($node: ID!, $mitigate: [ID!], $asOf: Date) {
    whatIf(nodeId: $node, category: JAILBREAK, severity: HIGH, assumeMitigations: $mitigate, first: 100, asOf: $asOf) {
      hypothesis { origin { id } category }
      mitigated { node { id } }
      exposed { edges { node { node { id } level } } }
    }
  }`;

  it('computes a hypothetical defect and writes nothing', async () => {
    const before = await api.store.graphHash({ ids: api.seedIds });
    // As of mid-2024: ChatGPT and Duck.ai still ran gpt-3.5-turbo.
    const { body } = await api.gql(WHAT_IF, {
      node: 'model:openai/gpt-3.5-turbo',
      mitigate: ['deployment:openai/chatgpt-api'],
      asOf: '2024-07-01',
    });
    expect(body.errors).toBeUndefined();
    const ids = body.data.whatIf.exposed.edges.map((e: any) => e.node.node.id);
    expect(ids).toContain('deployment:duckduckgo/duck-ai');
    expect(ids).toContain('deployment:openai/chatgpt');
    // Everything built on the ChatGPT API is shielded by the assumed mitigation.
    expect(ids).not.toContain('deployment:openai/chatgpt-api');
    expect(ids).not.toContain('deployment:snap/my-ai');
    expect(body.data.whatIf.mitigated).toEqual([{ node: { id: 'deployment:openai/chatgpt-api' } }]);
    expect(await api.store.graphHash({ ids: api.seedIds })).toEqual(before);
  });

  it('refuses a mitigation on the origin itself', async () => {
    const { body } = await api.gql(WHAT_IF, {
      node: 'model:openai/gpt-3.5-turbo',
      mitigate: ['model:openai/gpt-3.5-turbo'],
    });
    expect(body.errors?.[0].extensions.code).toBe('VALIDATION');
  });
});
