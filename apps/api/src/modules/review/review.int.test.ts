import { batch, node, testNamespace } from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER, testApi, WRITER } from '../../testing';

let api: Awaited<ReturnType<typeof testApi>>;
// Where reads need no token: what anonymous readers are shown.
let open: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi({ readTokens: [`${READER.name}:${READER.token}`] });
  open = await testApi();
});
afterAll(async () => {
  await api?.store.close();
  await open?.store.close();
});

const REVIEW = `mutation ($input: ReviewMatchInput!) {
  reviewMatch(input: $input) {
    decision { name owner id kind verdict by note node { id } }
    changed graphVersion
    userErrors { code message field }
  }
}`;
const REMOVE = `mutation ($name: String!, $owner: String) {
  removeReviewDecision(name: $name, owner: $owner) { removed userErrors { code message } }
}`;
const DECISIONS = `query ($after: String) {
  reviewDecisions(first: 500, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { name id verdict by } }
  }
}`;

/** An uploaded model in a namespace of the test's own, and a name to decide on. */
async function upload() {
  const ns = testNamespace();
  const id = ns.id('model', 'uploader/Zyphon');
  const name = `Zyphon ${ns.token.replace(/\W/g, '')}`;
  await api.store.write(batch([node({ id, kind: 'FineTune', name, origin: 'import' })]), {
    by: 'test',
    action: 'test',
    summary: `review api ${ns.token}`,
  });
  return { id, name };
}

/** Every stored decision, read page by page as a client would. */
async function allDecisions(token?: string, through = api) {
  const found: { name: string; id: string; verdict: string; by: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await through.gql(DECISIONS, { after }, token);
    expect(body.errors).toBeUndefined();
    const page = body.data.reviewDecisions;
    found.push(...page.edges.map((edge: { node: (typeof found)[number] }) => edge.node));
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

describe('reviewing matches through the API', () => {
  it('refuses reviewMatch without a token (UNAUTHENTICATED) or with a read token (FORBIDDEN), storing nothing', async () => {
    const { id, name } = await upload();
    const input = { name, id, verdict: 'ACCEPT' };
    const version = await api.store.graphVersion();

    const anonymous = await api.gql(REVIEW, { input });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await api.gql(REVIEW, { input }, READER.token);
    expect(reader.status).toBe(403);
    expect(reader.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const removal = await api.gql(REMOVE, { name }, READER.token);
    expect(removal.body.errors?.[0].extensions.code).toBe('FORBIDDEN');

    expect(await api.store.graphVersion()).toBe(version);
    expect((await allDecisions(WRITER.token)).filter((d) => d.name === name)).toEqual([]);
  });

  it('stores a decision with the token name, audited, listed; anonymous readers do not see who', async () => {
    const { id, name } = await upload();
    const { body } = await api.gql(
      REVIEW,
      { input: { name, owner: 'Uploader', id, verdict: 'REJECT', note: 'another model' } },
      WRITER.token,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.reviewMatch).toMatchObject({
      decision: {
        name,
        owner: 'Uploader',
        id,
        kind: 'FineTune',
        verdict: 'REJECT',
        by: WRITER.name,
        note: 'another model',
        node: { id },
      },
      changed: true,
      userErrors: [],
    });
    const [change] = await api.store.recentChanges(1);
    expect(change).toMatchObject({
      graphVersion: body.data.reviewMatch.graphVersion,
      by: WRITER.name,
      action: 'review',
    });

    expect(await allDecisions(WRITER.token)).toEqual(
      expect.arrayContaining([{ name, id, verdict: 'REJECT', by: WRITER.name }]),
    );
    const anonymous = (await allDecisions(undefined, open)).find((d) => d.name === name);
    expect(anonymous).toMatchObject({ id, by: null });

    const removed = await api.gql(REMOVE, { name, owner: 'Uploader' }, WRITER.token);
    expect(removed.body.data.removeReviewDecision).toEqual({ removed: true, userErrors: [] });
    expect((await allDecisions(WRITER.token)).filter((d) => d.name === name)).toEqual([]);
  });

  it('answers bad input and unknown ids as userErrors naming the field or the id, storing nothing', async () => {
    const { id, name } = await upload();
    const version = await api.store.graphVersion();
    const tooLong = await api.gql(
      REVIEW,
      { input: { name: 'n'.repeat(201), id, verdict: 'ACCEPT', note: 'x'.repeat(1001) } },
      WRITER.token,
    );
    expect(tooLong.body.data.reviewMatch.userErrors).toEqual([
      expect.objectContaining({ code: 'VALIDATION', field: ['input', 'name'] }),
      expect.objectContaining({ code: 'VALIDATION', field: ['input', 'note'] }),
    ]);

    const missing = id.replace('Zyphon', 'Nowhere');
    const unknown = await api.gql(
      REVIEW,
      { input: { name, id: missing, verdict: 'ACCEPT' } },
      WRITER.token,
    );
    expect(unknown.body.data.reviewMatch.decision).toBeNull();
    expect(unknown.body.data.reviewMatch.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining(missing) }),
    ]);
    const notDecided = await api.gql(REMOVE, { name }, WRITER.token);
    expect(notDecided.body.data.removeReviewDecision.removed).toBe(false);
    expect(notDecided.body.data.removeReviewDecision.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining(name) }),
    ]);
    expect(await api.store.graphVersion()).toBe(version);
  });
});
