import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER, testApi, WRITER } from '../../testing';
import { products as productsOf } from '../../testing-products';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const SET = `mutation ($input: TriageInput!) {
  setTriage(input: $input) {
    triage { state justification note by at stopsPropagation node { id } defect { id } }
    graphVersion
    userErrors { code message field }
  }
}`;
const CLEAR = `mutation ($d: ID!, $n: ID!) {
  clearTriage(defectId: $d, nodeId: $n) { removed userErrors { code message } }
}`;
const products = () => productsOf(api);

const countOf = (summary: { byState: { state: string; count: number }[] }, state: string) =>
  summary.byState.find((s) => s.state === state)?.count;

describe('triage', () => {
  it('NOT_AFFECTED stops the defect at the node: what lies only behind it leaves the impact', async () => {
    const { ids, impact, exposedIds } = await products();
    expect(await exposedIds()).toEqual(
      expect.arrayContaining([ids.direct, ids.app, ids.suite, ids.tuned]),
    );
    expect((await impact()).triage).toMatchObject({ exposedDeployments: 3, untriaged: 3 });

    const { body } = await api.gql(
      SET,
      {
        input: {
          defectId: ids.defect,
          nodeId: ids.app,
          state: 'NOT_AFFECTED',
          justification: 'PROTECTED_BY_MITIGATING_CONTROL',
          note: 'an output filter blocks the role-play prompts',
        },
      },
      WRITER.token,
    );
    expect(body.data.setTriage.userErrors).toEqual([]);
    expect(body.data.setTriage.triage).toMatchObject({
      state: 'NOT_AFFECTED',
      justification: 'PROTECTED_BY_MITIGATING_CONTROL',
      note: 'an output filter blocks the role-play prompts',
      by: WRITER.name,
      stopsPropagation: true,
      node: { id: ids.app },
      defect: { id: ids.defect },
    });

    const after = await impact();
    const exposed = await exposedIds();
    expect(exposed).toContain(ids.direct);
    expect(exposed).not.toContain(ids.app);
    expect(exposed).not.toContain(ids.suite);
    expect(after.mitigated).toEqual([
      {
        node: { id: ids.app },
        // Who triaged is shown only to requests with a token, as in the audit trail.
        triage: {
          state: 'NOT_AFFECTED',
          justification: 'PROTECTED_BY_MITIGATING_CONTROL',
          by: null,
        },
      },
    ]);
    // direct is left: exposed and untriaged; app counts under its state.
    expect(after.triage).toMatchObject({ exposedDeployments: 1, untriaged: 1 });
    expect(countOf(after.triage, 'NOT_AFFECTED')).toBe(1);

    // The deployment's bill of materials states the analysis as CycloneDX's VEX does.
    const bom = await api.gql(`query ($id: ID!) { cycloneDxBom(deploymentId: $id) }`, {
      id: ids.app,
    });
    const vulnerability = JSON.parse(bom.body.data.cycloneDxBom).vulnerabilities.find(
      (v: { id: string }) => `defect:${v.id}` === ids.defect,
    );
    expect(vulnerability.analysis).toEqual({
      state: 'not_affected',
      justification: 'protected_by_mitigating_control',
      detail: 'an output filter blocks the role-play prompts',
    });

    const changes = await api.store.recentChanges(200);
    const audit = changes.find((c) => c.action === 'setTriage' && c.summary.includes(ids.app));
    expect(audit).toMatchObject({ by: WRITER.name });
    expect(audit!.summary).toContain('NOT_AFFECTED (PROTECTED_BY_MITIGATING_CONTROL)');
  });

  it('IN_TRIAGE and EXPLOITABLE leave the impact whole and show on each node; a new analysis replaces the last', async () => {
    const { ids, impact, exposedIds } = await products();
    const set = (nodeId: string, state: string, justification?: string) =>
      api.gql(SET, { input: { defectId: ids.defect, nodeId, state, justification } }, WRITER.token);
    await set(ids.app, 'NOT_AFFECTED', 'CODE_NOT_REACHABLE');
    expect(await exposedIds()).not.toContain(ids.suite);

    const replaced = await set(ids.app, 'EXPLOITABLE');
    expect(replaced.body.data.setTriage.triage).toMatchObject({
      state: 'EXPLOITABLE',
      justification: null,
      note: null,
      stopsPropagation: false,
    });
    await set(ids.direct, 'IN_TRIAGE');
    const after = await impact();
    const rows = after.exposed.edges.map((e: { node: object }) => e.node);
    expect(rows).toEqual(
      expect.arrayContaining([
        { node: { id: ids.app }, mitigated: false, triage: { state: 'EXPLOITABLE' } },
        { node: { id: ids.direct }, mitigated: false, triage: { state: 'IN_TRIAGE' } },
        { node: { id: ids.suite }, mitigated: false, triage: null },
      ]),
    );
    expect(after.triage).toMatchObject({ exposedDeployments: 3, untriaged: 1 });
    expect(countOf(after.triage, 'EXPLOITABLE')).toBe(1);
    expect(countOf(after.triage, 'IN_TRIAGE')).toBe(1);

    const cleared = await api.gql(CLEAR, { d: ids.defect, n: ids.app }, WRITER.token);
    expect(cleared.body.data.clearTriage).toEqual({ removed: true, userErrors: [] });
    const { body } = await api.gql(
      `query ($d: ID!, $n: ID!) { triage(defectId: $d, nodeId: $n) { state } }`,
      { d: ids.defect, n: ids.app },
    );
    expect(body.data.triage).toBeNull();
    expect((await impact()).triage).toMatchObject({ untriaged: 2 });
  });

  it('holds NOT_AFFECTED from the day it was made, and FALSE_POSITIVE on every day', async () => {
    const { ids, exposedIds } = await products();
    await api.gql(
      SET,
      {
        input: {
          defectId: ids.defect,
          nodeId: ids.app,
          state: 'NOT_AFFECTED',
          justification: 'CODE_NOT_PRESENT',
        },
      },
      WRITER.token,
    );
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(await exposedIds(yesterday)).toContain(ids.suite);
    expect(await exposedIds()).not.toContain(ids.suite);

    await api.gql(
      SET,
      { input: { defectId: ids.defect, nodeId: ids.app, state: 'FALSE_POSITIVE' } },
      WRITER.token,
    );
    expect(await exposedIds(yesterday)).not.toContain(ids.suite);
  });

  it('refuses a bad analysis with a userError naming the field, and changes nothing', async () => {
    const { ids, hash } = await products();
    const before = await hash();
    const refused = async (input: object) => {
      const { body } = await api.gql(
        SET,
        { input: { defectId: ids.defect, ...input } },
        WRITER.token,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.setTriage.triage).toBeNull();
      return body.data.setTriage.userErrors;
    };
    expect(await refused({ nodeId: ids.app, state: 'NOT_AFFECTED' })).toEqual([
      expect.objectContaining({ code: 'VALIDATION', field: ['input', 'justification'] }),
    ]);
    expect(
      await refused({ nodeId: ids.app, state: 'EXPLOITABLE', justification: 'CODE_NOT_PRESENT' }),
    ).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'justification'] })]);
    expect(await refused({ nodeId: ids.app, state: 'IN_TRIAGE', note: 'x'.repeat(4001) })).toEqual([
      expect.objectContaining({ code: 'VALIDATION', field: ['input', 'note'] }),
    ]);
    const origin = await refused({ nodeId: ids.base, state: 'FALSE_POSITIVE' });
    expect(origin[0].code).toBe('VALIDATION');
    expect(origin[0].message).toContain(`'${ids.base}' is an origin of '${ids.defect}'`);
    expect((await refused({ nodeId: ids.provider, state: 'IN_TRIAGE' }))[0].code).toBe(
      'VALIDATION',
    );
    expect((await refused({ nodeId: `${ids.app}-missing`, state: 'IN_TRIAGE' }))[0].code).toBe(
      'NOT_FOUND',
    );
    expect(await hash()).toEqual(before);
  });

  it('lets only a write token triage', async () => {
    const { ids, hash } = await products();
    const before = await hash();
    const input = { defectId: ids.defect, nodeId: ids.app, state: 'IN_TRIAGE' };
    const anonymous = await api.gql(SET, { input });
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const guarded = await testApi({ readTokens: [`${READER.name}:${READER.token}`] });
    try {
      const reader = await guarded.gql(SET, { input }, READER.token);
      expect(reader.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    } finally {
      await guarded.store.close();
    }
    expect(await hash()).toEqual(before);
  });

  it('hands triage out as OpenVEX and takes it back through importFile', async () => {
    const { ids, hash } = await products();
    const input = {
      defectId: ids.defect,
      nodeId: ids.app,
      state: 'NOT_AFFECTED',
      justification: 'PROTECTED_BY_MITIGATING_CONTROL',
      note: 'an output filter blocks the role-play',
    };
    expect((await api.gql(SET, { input }, WRITER.token)).body.data.setTriage.userErrors).toEqual(
      [],
    );
    const READ = `query ($d: ID!, $n: ID!) { triage(defectId: $d, nodeId: $n) { state justification note by at } }`;
    const recorded = (await api.gql(READ, { d: ids.defect, n: ids.app }, WRITER.token)).body.data
      .triage;
    const { body } = await api.gql(`query ($id: ID!) { vexDocument(id: $id, format: OPENVEX) }`, {
      id: ids.defect,
    });
    expect(body.errors).toBeUndefined();
    const document = JSON.parse(body.data.vexDocument);
    expect(document['@context']).toBe('https://openvex.dev/ns/v0.2.0');
    // The analysed product, and `direct`, reached untriaged: under investigation. `suite`, only
    // behind the product, is no longer reached.
    expect(document.statements.map((s: { status: string }) => s.status).sort()).toEqual([
      'not_affected',
      'under_investigation',
    ]);

    const cleared = await api.gql(CLEAR, { d: ids.defect, n: ids.app }, WRITER.token);
    expect(cleared.body.data.clearTriage.removed).toBe(true);
    const IMPORT = `mutation ($content: String!) {
      importFile(fileName: "triage.openvex.json", content: $content, format: VEX) {
        summary { records } userErrors { code message }
      }
    }`;
    const imported = await api.gql(IMPORT, { content: body.data.vexDocument }, WRITER.token);
    expect(imported.body.data.importFile.userErrors).toEqual([]);
    expect(imported.body.data.importFile.summary.records).toBe(1);
    expect(
      (await api.gql(READ, { d: ids.defect, n: ids.app }, WRITER.token)).body.data.triage,
    ).toEqual(recorded);

    // A document naming a node this graph does not hold changes nothing.
    const before = await hash();
    const foreign = body.data.vexDocument.replaceAll(ids.app, `${ids.app}-elsewhere`);
    const refused = await api.gql(IMPORT, { content: foreign }, WRITER.token);
    expect(refused.body.data.importFile.userErrors[0].message).toMatch(
      /names ids this graph does not hold[\s\S]*-elsewhere: not stored/,
    );
    expect(await hash()).toEqual(before);
  });
});
