import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../schema';
import { queryCost } from './cost-limit';

const schema = createSchema();
const MAX_COST = 100_000;
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  queryCost(schema, parse(query), undefined, variables);

describe('queryCost', () => {
  it('counts one per field', () => {
    expect(cost('{ stats { nodes graphVersion } }')).toBe(3);
  });

  it("multiplies what lies under a page by its size, taking the schema's default when none is given", () => {
    expect(cost('{ providers(first: 10) { totalCount } }')).toBe(20);
    expect(cost('{ providers { totalCount } }')).toBe(100);
  });

  it('reads page sizes from variables exactly as from literals', () => {
    const query = 'query ($n: Int) { providers(first: $n) { edges { node { id name } } } }';
    expect(cost(query, { n: 200 })).toBe(
      cost('{ providers(first: 200) { edges { node { id name } } } }'),
    );
  });

  it('multiplies nested pages', () => {
    const nested = `{ models(first: 100) { edges { node { id
      ... on Model { children(first: 100) { edges { node { type } } } } } } } }`;
    expect(cost(nested)).toBeGreaterThan(100 * 100);
  });
});

const NESTED = (first: string, children: string) => `
  models(first: ${first}) { edges { node { id
    ... on Model { children(first: ${children}) { edges { node { from { id name } } } } } } } }`;

describe('the cost of a page the caller did not spell out', () => {
  it("prices a variable's default as the page it asks for", () => {
    const query = `query ($n: Int = 500) { ${NESTED('$n', '$n')} }`;
    expect(cost(query)).toBe(cost(`{ ${NESTED('500', '500')} }`));
    expect(cost(query)).toBeGreaterThan(MAX_COST);
  });

  it('prices an explicit null, or a variable left out, at the page the resolver then returns', () => {
    const query = `query ($n: Int) { ${NESTED('$n', '$n')} }`;
    const atDefault = cost(`{ ${NESTED('50', '50')} }`);
    expect(cost(query, { n: null })).toBe(atDefault);
    expect(cost(query)).toBe(atDefault);
    expect(cost(`{ ${NESTED('null', 'null')} }`)).toBe(atDefault);
    // Each of these once counted 1: fifteen of them at the default page are far over the limit.
    const fifteen = Array.from({ length: 15 }, (_, i) => `a${i}: ${NESTED('$n', '$n')}`);
    expect(cost(`query ($n: Int) { ${fifteen.join(' ')} }`, { n: null })).toBeGreaterThan(MAX_COST);
  });
});

describe('lists without a page size', () => {
  it('prices the graph view by maxNodes, from a literal, a variable or its default', () => {
    const view = (max: string) =>
      `lineage(id: "x", maxNodes: ${max}) { nodes { node { id name } } edges { type } }`;
    const twoThousand = cost(`{ ${view('2000')} }`);
    expect(twoThousand).toBeGreaterThan(2000 * 4);
    expect(cost(`query ($m: Int = 2000) { ${view('$m')} }`)).toBe(twoThousand);
    expect(cost(`query ($m: Int) { ${view('$m')} }`, { m: 2000 })).toBe(twoThousand);
    expect(cost('{ lineage(id: "x") { nodes { distance } } }')).toBe(1 + 500 * 2);
  });

  it('multiplies what lies under every list a node or an impact holds', () => {
    for (const list of [
      'outgoing { to { id } }',
      '... on LineageNode { parents { to { id } } }',
      '... on Defect { origins { id } mitigations { node { id } } }',
    ]) {
      expect(cost(`{ models(first: 500) { edges { node { ${list} } } } }`), list).toBeGreaterThan(
        MAX_COST,
      );
    }
    const impacts = Array.from(
      { length: 15 },
      (_, i) => `a${i}: impact(defectId: "x", first: 1) {
        deploymentsByProvider { provider { id } deployments { node { id } path { id name } } }
        mitigated { node { id } path { id name } } }`,
    ).join(' ');
    expect(cost(`{ ${impacts} }`)).toBeGreaterThan(MAX_COST);
    const exposures = Array.from(
      { length: 15 },
      (_, i) => `a${i}: exposure(nodeId: "x") { defect { id name } path { id name } }`,
    ).join(' ');
    expect(cost(`{ ${exposures} }`)).toBeGreaterThan(MAX_COST);
  });

  it('prices every list field of the schema: paged by first, or with a cap of its own', async () => {
    const { unpricedListFields } = await import('./cost-limit');
    expect(unpricedListFields(schema)).toEqual([]);
  });
});

describe("the web app's heaviest pages", () => {
  const IMPACT_FIELDS = `
    totals { exposed mitigated deployments byLevel { level count } }
    mitigated { node { id name kind } level distance path { id } triage { state } }
    triage { exposedDeployments untriaged }
    deploymentsByProvider { provider { name } deployments { node { id name } level distance path { id name } triage { state } } }
    exposed { totalCount edges { node { node { id name kind } level distance path { id } } } }`;
  const pages = {
    defectImpact: `query DefectImpact($id: ID!) { impact(defectId: $id, first: 500) { ${IMPACT_FIELDS} } }`,
    whatIf: `query WhatIf($node: ID!, $category: DefectCategory!, $severity: Severity!) {
      whatIf(nodeId: $node, category: $category, severity: $severity, first: 500) { ${IMPACT_FIELDS} } }`,
    nodeAround: `query Around($id: ID!) {
      upstream: lineage(id: $id, direction: UPSTREAM, depth: 10, maxNodes: 500) {
        truncated nodes { node { id name kind } } edges { type from { id } to { id } } }
      downstream: lineage(id: $id, direction: DOWNSTREAM, depth: 20, maxNodes: 2000) {
        truncated nodes { distance node { kind } } }
      exposure(nodeId: $id) { level distance mitigated triage { state justification } defect { id name severity category } path { id name } }
    }`,
    explore: `query Explore($id: ID!, $direction: Direction!, $depth: Int!, $max: Int!, $relations: [LineageRelation!]) {
      lineage(id: $id, direction: $direction, depth: $depth, maxNodes: $max, relations: $relations) {
        truncated focus { id name kind } nodes { node { id name kind } } edges { type declared from { id } to { id } } } }`,
    home: `{
      stats { nodes graphVersion byKind { kind count } }
      blastRadius(first: 8) { model { id name } deployments knownMonthlyUsers deploymentsWithUnknownUsers }
      defects(first: 200) { edges { node { id name category severity status disclosedAt } } } }`,
    defect: `query DefectPage($id: ID!) { node(id: $id) { __typename ... on Defect {
      id name category severity status disclosedAt summary sources verified
      origins { id name } transmission { relation level } mitigations { node { id name } evidence since } } } }`,
    watched: `query WatchedDashboard($owner: String) { watchedExposures(owner: $owner) {
      asOf watched count untriaged exposures { deployment { id name } watch { owner contact tags }
      defect { id name severity } level since triage { state by } } } }`,
  };
  it.each(Object.entries(pages))('%s stays under the limit', (_name, query) => {
    expect(
      cost(query, {
        id: 'x',
        node: 'x',
        category: 'JAILBREAK',
        severity: 'HIGH',
        direction: 'BOTH',
        depth: 3,
        max: 2000,
      }),
    ).toBeLessThanOrEqual(MAX_COST);
  });
});
