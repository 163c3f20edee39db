import { LINEAGE_RELATIONS } from '@lineage/domain';
import type { StoredEntity } from '@lineage/graph-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from './testing';

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

describe('browsing the graph', () => {
  it('reads a node of each kind through its own type, with sources and typed relationships', async () => {
    const { node } = await data(`{
      node(id: "model:deepseek-ai/DeepSeek-R1-Distill-Qwen-7B") {
        __typename id name sources
        ... on Model { access provider { id name } parents { type declared to { id } } }
      }
    }`);
    expect(node.__typename).toBe('Distillation');
    expect(node.sources.length).toBeGreaterThan(0);
    expect(node.provider.id).toBe('provider:deepseek-ai');
    expect(node.parents).toEqual(
      expect.arrayContaining([
        { type: 'DISTILLED_FROM', declared: true, to: { id: 'model:deepseek-ai/DeepSeek-R1' } },
        { type: 'FINE_TUNED_FROM', declared: true, to: { id: 'model:Qwen/Qwen2.5-Math-7B' } },
      ]),
    );
    expect((await data('{ node(id: "model:nobody/nothing") { id } }')).node).toBeNull();
  });

  it('pages through children with a total count', async () => {
    const query = `query ($after: String) { node(id: "model:deepseek-ai/DeepSeek-R1") {
      ... on Model { children(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { from { id } } } } }
    } }`;
    const first = (await data(query)).node.children;
    expect(first.totalCount).toBeGreaterThan(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await data(query, { after: first.pageInfo.endCursor })).node.children;
    const ids = [...first.edges, ...next.edges].map((e: any) => e.node.from.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds nodes by words of their name while typing, best match first', async () => {
    const { search } = await data(
      '{ search(text: "llama 2 7b ch", first: 5) { totalCount edges { node { score match node { id } } } } }',
    );
    expect(search.edges[0].node.node.id).toMatch(/Llama-2-7[bB]-[Cc]hat/);
    // Best first within each tier (exact, word matches, close spellings).
    const tiers = ['EXACT', 'WORDS', 'SIMILAR'];
    const ranks = search.edges.map((e: any) => [tiers.indexOf(e.node.match), -e.node.score]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const defects = await data(
      '{ search(text: "skeleton", kinds: [Defect]) { edges { node { node { id } } } } }',
    );
    expect(defects.search.edges.map((e: any) => e.node.node.id)).toContain('defect:FMD-2026-0009');
  });

  it('lists one kind with filters, a total count and cursor pagination', async () => {
    const query = `query ($after: String) { models(filter: { kinds: [Quantization] }, first: 3, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id kind } }
    } }`;
    const first = (await data(query)).models;
    // Other test files add quantizations of their own: check consistency, not a fixed number.
    const everything = (
      await data(
        '{ models(filter: { kinds: [Quantization] }, first: 500) { edges { node { id } } } }',
      )
    ).models;
    expect(first.totalCount).toBe(everything.edges.length);
    expect(first.totalCount).toBeGreaterThanOrEqual(7);
    expect(first.edges.every((e: any) => e.node.kind === 'Quantization')).toBe(true);
    const second = (await data(query, { after: first.pageInfo.endCursor })).models;
    expect(second.edges[0].node.id > first.edges[2].node.id).toBe(true);
    const byProvider = await data(
      '{ deployments(filter: { providerId: "provider:microsoft" }) { totalCount } }',
    );
    expect(byProvider.deployments.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('gives the bill of materials of a deployment upstream', async () => {
    const { lineage } = await data(`{
      lineage(id: "deployment:microsoft/teams-copilot", direction: UPSTREAM, depth: 6) {
        truncated focus { id } nodes { node { id } distance side } edges { type from { id } to { id } }
      }
    }`);
    expect(lineage.truncated).toBe(false);
    expect(lineage.nodes[0]).toEqual({
      node: { id: 'deployment:microsoft/teams-copilot' },
      distance: 0,
      side: 'FOCUS',
    });
    expect(lineage.nodes.map((n: any) => n.node.id)).toContain(
      'deployment:microsoft/microsoft-365-copilot',
    );
    expect(lineage.edges).toContainEqual({
      type: 'BUILT_ON',
      from: { id: 'deployment:microsoft/teams-copilot' },
      to: { id: 'deployment:microsoft/microsoft-365-copilot' },
    });
  });

  it('finds a path between a product and a base model, either way round', async () => {
    const query = `query ($a: ID!, $b: ID!) { path(from: $a, to: $b) { length nodes { id } relationships { type } } }`;
    const forward = await data(query, {
      a: 'deployment:cloudflare/workers-ai',
      b: 'model:Qwen/Qwen2.5-32B',
    });
    expect(forward.path.nodes.map((n: any) => n.id)).toEqual([
      'deployment:cloudflare/workers-ai',
      'model:deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      'model:Qwen/Qwen2.5-32B',
    ]);
    const backward = await data(query, {
      a: 'model:Qwen/Qwen2.5-32B',
      b: 'deployment:cloudflare/workers-ai',
    });
    expect(backward.path.length).toBe(2);
    expect((await data(query, { a: 'provider:openai', b: 'provider:groq' })).path).toBeNull();
  });

  it('ranks base models by the deployments downstream of them today, as counted from the whole graph', async () => {
    const { answer, graph } = await atOneVersion(() =>
      data(
        '{ blastRadius(first: 500) { model { id } deployments knownMonthlyUsers deploymentsWithUnknownUsers } }',
      ),
    );
    const expected = blastRadiusOracle(graph);
    expect(expected.length).toBeGreaterThan(5);
    expect(answer.blastRadius).toEqual(expected.slice(0, 500));
  });

  it('reports counts by kind and the graph version as the whole graph has them, and the audit trail', async () => {
    const { answer, graph, version } = await atOneVersion(() =>
      data(
        '{ stats { nodes graphVersion byKind { kind count } } changes(first: 2) { edges { node { graphVersion action } } } }',
      ),
    );
    const { stats, changes } = answer;
    const byKind = new Map<string, number>();
    for (const node of graph.nodes) byKind.set(node.kind, (byKind.get(node.kind) ?? 0) + 1);
    expect(stats.nodes).toBe(graph.nodes.length);
    expect(stats.byKind.filter((row: any) => row.count > 0)).toEqual(
      expect.arrayContaining([...byKind].map(([kind, count]) => ({ kind, count }))),
    );
    expect(stats.byKind.reduce((sum: number, row: any) => sum + row.count, 0)).toBe(
      graph.nodes.length,
    );
    expect(stats.graphVersion).toBe(version);
    expect(changes.edges[0].node.graphVersion).toBe(version);
  });
});

interface WholeGraph {
  nodes: StoredEntity[];
  relationships: {
    type: string;
    from: string;
    to: string;
    validFrom?: string | null;
    validTo?: string | null;
  }[];
}

/**
 * `read` and the whole graph (through the export, not the queries under test) at one graph
 * version: other test files write to the same Neo4j meanwhile, so retry until nothing moved.
 */
async function atOneVersion<T>(read: () => Promise<T>) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const version = await api.store.graphVersion();
    const answer = await read();
    const nodes: StoredEntity[] = [];
    for await (const node of api.store.exportNodes()) nodes.push(node);
    const relationships: WholeGraph['relationships'] = [];
    for await (const r of api.store.exportRelationships()) relationships.push(r);
    if ((await api.store.graphVersion()) === version) {
      return { answer, version, graph: { nodes, relationships } };
    }
  }
  throw new Error('the graph kept changing under the test');
}

/** Blast radius computed in plain TypeScript: every deployment reachable downstream. */
/** Counted over the lineage as it stands today: relationships holding, nodes not retired. */
function blastRadiusOracle(graph: WholeGraph) {
  const today = new Date().toISOString().slice(0, 10);
  const holds = (from?: string | null, to?: string | null) =>
    (!from || from <= today) && (!to || to > today);
  const exists = (node: StoredEntity) => {
    const { releasedAt, retiredAt } = node as { releasedAt?: string; retiredAt?: string };
    return holds(releasedAt, retiredAt);
  };
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lineage = new Set<string>(LINEAGE_RELATIONS);
  const children = new Map<string, string[]>();
  for (const r of graph.relationships) {
    if (!lineage.has(r.type) || !holds(r.validFrom, r.validTo)) continue;
    if (!exists(byId.get(r.from)!)) continue;
    children.set(r.to, [...(children.get(r.to) ?? []), r.from]);
  }
  const rows = graph.nodes
    .filter((node) => node.kind === 'BaseModel' && exists(node))
    .map((base) => {
      const seen = new Set<string>();
      const queue = [base.id];
      while (queue.length) {
        for (const child of children.get(queue.pop()!) ?? []) {
          if (seen.has(child)) continue;
          seen.add(child);
          queue.push(child);
        }
      }
      const deployments = [...seen]
        .map((id) => byId.get(id)!)
        .filter((node) => node.kind === 'Deployment');
      const users = deployments.map(
        (d) => (d as { monthlyActiveUsers?: number }).monthlyActiveUsers,
      );
      return {
        model: { id: base.id },
        deployments: deployments.length,
        knownMonthlyUsers: users.reduce<number>((sum, n) => sum + (n ?? 0), 0),
        deploymentsWithUnknownUsers: users.filter((n) => n === undefined || n === null).length,
      };
    })
    .filter((row) => row.deployments > 0);
  return rows.sort(
    (a, b) =>
      b.deployments - a.deployments ||
      b.knownMonthlyUsers - a.knownMonthlyUsers ||
      (a.model.id < b.model.id ? -1 : 1),
  );
}
