import { testNamespace } from '@lineage/graph-store/testing';
import { expect } from 'vitest';
import { WRITER, type testApi } from './testing';

type TestApi = Awaited<ReturnType<typeof testApi>>;

const IMPACT = `query ($id: ID!, $asOf: Date) {
  impact(defectId: $id, asOf: $asOf) {
    exposed { edges { node { node { id } mitigated triage { state } } } }
    mitigated { node { id } triage { state justification by } }
    triage { exposedDeployments untriaged byState { state count } }
  }
}`;

/**
 * A jailbreak in a base model, a fine-tune of it, and three products: `direct` deploys the
 * base, `app` the fine-tune, and `suite` is built on `app` alone, so it lies only behind it.
 */
export async function products(api: TestApi) {
  const ns = testNamespace();
  const ids = {
    base: ns.id('model', 'lab/base'),
    tuned: ns.id('model', 'lab/tuned'),
    direct: ns.id('deployment', 'co/direct'),
    app: ns.id('deployment', 'co/app'),
    suite: ns.id('deployment', 'co/suite'),
    provider: ns.id('provider', 'co'),
    defect: ns.id('defect', 'JB-1'),
  };
  const write = async (query: string, variables: Record<string, unknown>) => {
    const { body } = await api.gql(query, variables, WRITER.token);
    expect(body.errors).toBeUndefined();
    const [payload] = Object.values(body.data as Record<string, { userErrors: unknown[] }>);
    expect(payload!.userErrors).toEqual([]);
  };
  const model = `mutation ($input: ModelInput!) { upsertModel(input: $input) { userErrors { code } } }`;
  const deployment = `mutation ($input: DeploymentInput!) { upsertDeployment(input: $input) { userErrors { code } } }`;
  const link = `mutation ($input: LinkInput!) { link(input: $input) { userErrors { code } } }`;
  await write(model, { input: { id: ids.base, kind: 'BaseModel', name: 'Base' } });
  await write(model, { input: { id: ids.tuned, kind: 'FineTune', name: 'Tuned' } });
  for (const id of [ids.direct, ids.app, ids.suite]) {
    await write(deployment, { input: { id, name: id } });
  }
  await write(
    `mutation ($input: ProviderInput!) { upsertProvider(input: $input) { userErrors { code } } }`,
    {
      input: { id: ids.provider, name: 'Co' },
    },
  );
  await write(link, { input: { type: 'FINE_TUNED_FROM', from: ids.tuned, to: ids.base } });
  await write(link, { input: { type: 'DEPLOYS', from: ids.direct, to: ids.base } });
  await write(link, { input: { type: 'DEPLOYS', from: ids.app, to: ids.tuned } });
  await write(link, { input: { type: 'BUILT_ON', from: ids.suite, to: ids.app } });
  await write(
    `mutation ($input: DefectInput!) { fileDefect(input: $input) { userErrors { code } } }`,
    {
      input: {
        id: ids.defect,
        name: 'Role-play jailbreak',
        category: 'JAILBREAK',
        severity: 'HIGH',
        originIds: [ids.base],
      },
    },
  );
  const hash = () => api.store.graphHash({ idsContaining: ns.token });
  const impact = async (asOf?: string) => {
    const { body } = await api.gql(IMPACT, { id: ids.defect, asOf });
    expect(body.errors).toBeUndefined();
    return body.data.impact;
  };
  const exposedIds = async (asOf?: string) =>
    (await impact(asOf)).exposed.edges.map(
      (e: { node: { node: { id: string } } }) => e.node.node.id,
    );
  return { ids, hash, impact, exposedIds };
}
