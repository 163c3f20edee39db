import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSuiteApi, type ApiProcess } from './api-process';
import { postGraphQL } from '@lineage/testkit';

let api: ApiProcess;
beforeAll(async () => {
  api = await startSuiteApi({ neo4jUri: inject('reliabilityNeo4jUri') });
});
afterAll(async () => {
  await api?.stop();
});

const NESTED = (n: string) => `models(first: ${n}) { edges { node { id
  ... on Model { children(first: ${n}) { edges { node { from { id name } } } } } } } }`;
const aliased = (selection: string) =>
  `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: ${selection}`).join('\n')} }`;

/** Documents that once slipped past the cost limit (issue 10, hole 2), with their variables. */
const BYPASSES: [string, string, Record<string, unknown>][] = [
  ["a variable's default", `query ($n: Int = 500) { ${NESTED('$n')} }`, {}],
  // At the default page of 50 each, fifteen times: over 200,000 (each once counted 1).
  ['an explicit null', `query ($n: Int) ${aliased(NESTED('$n')).trim()}`, { n: null }],
  ['an omitted variable', `query ($n: Int) ${aliased(NESTED('$n')).trim()}`, {}],
  [
    'the graph view at 2,000 nodes, fifteen times',
    aliased(
      'lineage(id: "model:meta-llama/Llama-2-7b-hf", direction: BOTH, depth: 20, maxNodes: 2000) { nodes { node { id name } } edges { type from { id } to { id } } }',
    ),
    {},
  ],
  [
    "an impact's deployments and mitigated nodes, fifteen times",
    aliased(
      'impact(defectId: "defect:FMD-2026-0008", first: 1) { deploymentsByProvider { provider { id name } deployments { node { id name } path { id name } } } mitigated { node { id } path { id name } } }',
    ),
    {},
  ],
  [
    "500 models' outgoing relationships",
    '{ models(first: 500) { edges { node { outgoing { type to { id name } } } } } }',
    {},
  ],
  [
    'exposures with their paths, fifteen times',
    aliased(
      'exposure(nodeId: "deployment:perplexity-ai/perplexity") { defect { id name } path { id name } }',
    ),
    {},
  ],
];

describe('documents that used to bypass the cost limit', () => {
  it.each(BYPASSES)('refuses %s with 400 QUERY_TOO_COSTLY', async (_name, query, variables) => {
    const answer = await postGraphQL(api.url, { query, variables });
    expect(answer.status, JSON.stringify(answer.errors)).toBe(400);
    expect(answer.code).toBe('QUERY_TOO_COSTLY');
    expect(answer.data).toBeUndefined();
  });

  it("still serves the web app's heaviest page: a defect's impact of 500 nodes", async () => {
    const answer = await postGraphQL(api.url, {
      query: `query DefectImpact($id: ID!) { impact(defectId: $id, first: 500) {
        totals { exposed mitigated deployments byLevel { level count } }
        mitigated { node { id name kind } level distance path { id } }
        deploymentsByProvider { provider { name } deployments { node { id name } level distance path { id name } } }
        exposed { totalCount edges { node { node { id name kind } level distance path { id } } } } } }`,
      variables: { id: 'defect:FMD-2026-0008' },
    });
    expect(answer.status, JSON.stringify(answer.errors)).toBe(200);
    expect(answer.data.impact.totals.exposed).toBeGreaterThan(0);
  });
});
