import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, WRITER } from '../../testing';
import { products as productsOf } from '../../testing-products';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const products = () => productsOf(api);

const WATCH = `mutation ($input: WatchInput!) {
  watch(input: $input) {
    watch { deployment { id } owner contact tags by }
    userErrors { code message field }
  }
}`;
const DASHBOARD = `query ($owner: String, $tag: String) {
  watchedExposures(owner: $owner, tag: $tag) {
    asOf watched count untriaged
    exposures { deployment { id } defect { id severity } level since triage { state } watch { owner } }
  }
}`;
const SET_TRIAGE = `mutation ($input: TriageInput!) {
  setTriage(input: $input) { userErrors { code message } }
}`;

describe('watched products', () => {
  it("lists a watched product's open exposures, and drops one triaged NOT_AFFECTED or RESOLVED", async () => {
    const { ids } = await products();
    const owner = `team-${ids.defect.slice(-12)}`;
    for (const deploymentId of [ids.direct, ids.app]) {
      const { body } = await api.gql(
        WATCH,
        { input: { deploymentId, owner, contact: 'sec@example.org', tags: ['chat', 'chat'] } },
        WRITER.token,
      );
      expect(body.data.watch.userErrors).toEqual([]);
      expect(body.data.watch.watch).toEqual({
        deployment: { id: deploymentId },
        owner,
        contact: 'sec@example.org',
        tags: ['chat'],
        by: WRITER.name,
      });
    }
    const dashboard = async () => {
      const { body } = await api.gql(DASHBOARD, { owner });
      expect(body.errors).toBeUndefined();
      return body.data.watchedExposures;
    };
    const before = await dashboard();
    expect(before).toMatchObject({ watched: 2, count: 2, untriaged: 2 });
    expect(
      before.exposures.map((e: { deployment: { id: string } }) => e.deployment.id).sort(),
    ).toEqual([ids.app, ids.direct].sort());
    expect(before.exposures[0]).toMatchObject({
      defect: { id: ids.defect, severity: 'HIGH' },
      level: 'CERTAIN',
      triage: null,
      watch: { owner },
    });

    // Whom to tell and who marked it: only for requests with a token.
    const WHO = `query ($owner: String) { watches(owner: $owner) { contact by } }`;
    expect((await api.gql(WHO, { owner })).body.data.watches).toEqual([
      { contact: null, by: null },
      { contact: null, by: null },
    ]);
    expect((await api.gql(WHO, { owner }, WRITER.token)).body.data.watches).toEqual([
      { contact: 'sec@example.org', by: WRITER.name },
      { contact: 'sec@example.org', by: WRITER.name },
    ]);

    const triage = (nodeId: string, state: string, justification?: string) =>
      api.gql(
        SET_TRIAGE,
        { input: { defectId: ids.defect, nodeId, state, justification } },
        WRITER.token,
      );
    await triage(ids.direct, 'EXPLOITABLE');
    expect(await dashboard()).toMatchObject({ count: 2, untriaged: 1 });
    await triage(ids.app, 'NOT_AFFECTED', 'REQUIRES_CONFIGURATION');
    await triage(ids.direct, 'RESOLVED');
    expect(await dashboard()).toMatchObject({ watched: 2, count: 0, untriaged: 0, exposures: [] });
  });

  it('filters by tag, refuses what is not a deployment, and audits watch and unwatch', async () => {
    const { ids } = await products();
    const tag = `t-${ids.defect.slice(-10)}`.replace(/[^\w.:-]/g, '');
    await api.gql(
      WATCH,
      { input: { deploymentId: ids.suite, owner: 'platform', tags: [tag] } },
      WRITER.token,
    );
    const tagged = (await api.gql(DASHBOARD, { tag })).body.data.watchedExposures;
    expect(tagged.watched).toBe(1);
    expect(tagged.exposures.map((e: { deployment: { id: string } }) => e.deployment.id)).toEqual([
      ids.suite,
    ]);

    const notDeployment = await api.gql(
      WATCH,
      { input: { deploymentId: ids.base, owner: 'platform' } },
      WRITER.token,
    );
    expect(notDeployment.body.data.watch.userErrors[0]).toMatchObject({ code: 'VALIDATION' });
    const badTag = await api.gql(
      WATCH,
      { input: { deploymentId: ids.suite, owner: 'platform', tags: ['has space'] } },
      WRITER.token,
    );
    expect(badTag.body.data.watch.userErrors[0].message).toContain('tags.0');
    const anonymous = await api.gql(WATCH, { input: { deploymentId: ids.suite, owner: 'x' } });
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const unwatch = await api.gql(
      `mutation ($id: ID!) { unwatch(deploymentId: $id) { removed userErrors { code } } }`,
      { id: ids.suite },
      WRITER.token,
    );
    expect(unwatch.body.data.unwatch).toEqual({ removed: true, userErrors: [] });
    expect((await api.gql(DASHBOARD, { tag })).body.data.watchedExposures.watched).toBe(0);
    const changes = (await api.store.recentChanges(100)).filter((c) =>
      c.summary.includes(ids.suite),
    );
    expect(changes.map((c) => c.action)).toEqual(expect.arrayContaining(['watch', 'unwatch']));
  });
});
