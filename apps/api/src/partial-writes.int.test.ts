import { testNamespace } from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, WRITER } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.store.close();
});

const UPSERT_MODEL = `mutation ($input: ModelInput!) {
  upsertModel(input: $input) {
    node { id name aliases sources verified ... on Model { license parameters } }
    graphVersion
    userErrors { code message field }
  }
}`;
const FILE = `mutation ($input: DefectInput!) {
  fileDefect(input: $input) {
    defect { id status severity summary sources transmission { relation level } }
    graphVersion
    userErrors { code message field }
  }
}`;
const STATUS = `mutation ($id: ID!, $status: DefectStatus!) {
  setDefectStatus(id: $id, status: $status) { defect { status } graphVersion userErrors { code } }
}`;
const LINK = `mutation ($input: LinkInput!) {
  link(input: $input) { relationship { declared sources } graphVersion userErrors { code message field } }
}`;
const PARENTS = `query ($id: ID!) {
  node(id: $id) { ... on Model { parents { type to { id } declared sources } } }
}`;

async function write<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const { body } = await api.gql(query, variables, WRITER.token);
  expect(body.errors).toBeUndefined();
  const payload = Object.values(body.data as object)[0] as T & { userErrors: unknown[] };
  expect(payload.userErrors).toEqual([]);
  return payload;
}

const source = (name: string) => `https://example.org/${name}`;

describe('an upsert changes only the fields its input names', () => {
  it('keeps verified false when a later upsert leaves verified out', async () => {
    const id = testNamespace().id('model', 'lab/unchecked');
    await write(UPSERT_MODEL, {
      input: { id, kind: 'BaseModel', name: 'Unchecked', verified: false },
    });
    const { node } = await write<{ node: { verified: boolean; license: string } }>(UPSERT_MODEL, {
      input: { id, kind: 'BaseModel', name: 'Unchecked', license: 'mit' },
    });
    expect(node).toMatchObject({ verified: false, license: 'mit' });
  });

  it('gives a new record its defaults: verified, empty lists, an OPEN defect', async () => {
    const ns = testNamespace();
    const model = ns.id('model', 'lab/new');
    const { node } = await write<{ node: object }>(UPSERT_MODEL, {
      input: { id: model, kind: 'BaseModel', name: 'New' },
    });
    expect(node).toMatchObject({ verified: true, aliases: [], sources: [] });
    const { defect } = await write<{ defect: object }>(FILE, {
      input: {
        id: ns.id('defect', 'NEW'),
        name: 'New',
        category: 'BIAS',
        severity: 'LOW',
        originIds: [model],
      },
    });
    expect(defect).toMatchObject({ status: 'OPEN', transmission: [] });
  });

  it('keeps a FIXED defect FIXED, and its transmission, when it is filed again without them', async () => {
    const ns = testNamespace();
    const model = ns.id('model', 'lab/origin');
    await write(UPSERT_MODEL, { input: { id: model, kind: 'BaseModel', name: 'Origin' } });
    const defect = {
      id: ns.id('defect', 'FIXED'),
      name: 'Leak',
      category: 'PRIVACY_LEAK',
      severity: 'HIGH',
      originIds: [model],
    };
    await write(FILE, {
      input: { ...defect, transmission: [{ relation: 'QUANTIZED_FROM', level: 'POSSIBLE' }] },
    });
    await write(STATUS, { id: defect.id, status: 'FIXED' });
    const refiled = await write<{ defect: object }>(FILE, {
      input: { ...defect, summary: 'now with a summary' },
    });
    expect(refiled.defect).toMatchObject({
      status: 'FIXED',
      summary: 'now with a summary',
      transmission: [{ relation: 'QUANTIZED_FROM', level: 'POSSIBLE' }],
    });
  });

  it('keeps declared false when a relationship is linked again without declared', async () => {
    const ns = testNamespace();
    const [base, tuned] = [ns.id('model', 'lab/base'), ns.id('model', 'lab/tuned')];
    await write(UPSERT_MODEL, { input: { id: base, kind: 'BaseModel', name: 'Base' } });
    await write(UPSERT_MODEL, { input: { id: tuned, kind: 'FineTune', name: 'Tuned' } });
    const edge = { type: 'FINE_TUNED_FROM', from: tuned, to: base };
    await write(LINK, { input: { ...edge, declared: false } });
    const relinked = await write<{ relationship: object }>(LINK, {
      input: { ...edge, sources: [source('card')] },
    });
    expect(relinked.relationship).toEqual({ declared: false, sources: [source('card')] });
    const { body } = await api.gql(PARENTS, { id: tuned });
    expect(body.data.node.parents).toEqual([
      { type: 'FINE_TUNED_FROM', to: { id: base }, declared: false, sources: [source('card')] },
    ]);
  });
});

describe('removing what an upsert once added', () => {
  it('removes an alias and a source by naming them, keeping the others', async () => {
    const id = testNamespace().id('model', 'lab/listed');
    await write(UPSERT_MODEL, {
      input: {
        id,
        kind: 'BaseModel',
        name: 'Listed',
        aliases: ['listed-v1', 'wrong-alias'],
        sources: [source('right'), source('wrong')],
      },
    });
    const { node } = await write<{ node: object }>(UPSERT_MODEL, {
      input: {
        id,
        kind: 'BaseModel',
        name: 'Listed',
        removeAliases: ['wrong-alias'],
        removeSources: [source('wrong')],
      },
    });
    expect(node).toMatchObject({ aliases: ['listed-v1'], sources: [source('right')] });
  });

  it('clears an optional field named in unset', async () => {
    const id = testNamespace().id('model', 'lab/licensed');
    await write(UPSERT_MODEL, {
      input: { id, kind: 'BaseModel', name: 'Licensed', license: 'wrong', parameters: 7 },
    });
    const { node } = await write<{ node: object }>(UPSERT_MODEL, {
      input: { id, kind: 'BaseModel', name: 'Licensed', unset: ['LICENSE'] },
    });
    expect(node).toMatchObject({ license: null, parameters: 7 });
  });

  it('removes a source from a relationship', async () => {
    const ns = testNamespace();
    const [base, tuned] = [ns.id('model', 'lab/base'), ns.id('model', 'lab/tuned')];
    await write(UPSERT_MODEL, { input: { id: base, kind: 'BaseModel', name: 'Base' } });
    await write(UPSERT_MODEL, { input: { id: tuned, kind: 'FineTune', name: 'Tuned' } });
    const edge = { type: 'FINE_TUNED_FROM', from: tuned, to: base };
    await write(LINK, { input: { ...edge, sources: [source('a'), source('b')] } });
    const { relationship } = await write<{ relationship: object }>(LINK, {
      input: { ...edge, removeSources: [source('a')] },
    });
    expect(relationship).toEqual({ declared: true, sources: [source('b')] });
  });

  it('refuses to add and remove the same alias, or to unset a field it sets, naming the field', async () => {
    const id = testNamespace().id('model', 'lab/contradiction');
    const { body } = await api.gql(
      UPSERT_MODEL,
      {
        input: {
          id,
          kind: 'BaseModel',
          name: 'Contradiction',
          aliases: ['x'],
          removeAliases: ['x'],
          license: 'mit',
          unset: ['LICENSE'],
        },
      },
      WRITER.token,
    );
    const errors = body.data.upsertModel.userErrors as { code: string; field: string[] }[];
    expect(errors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['VALIDATION', 'input.removeAliases.0'],
      ['VALIDATION', 'input.unset.0'],
    ]);
    expect(await api.store.getEntity(id)).toBeUndefined();
  });

  it('commits nothing when an upsert changes nothing', async () => {
    const id = testNamespace().id('model', 'lab/same');
    const input = { id, kind: 'BaseModel', name: 'Same', aliases: ['same'] };
    await write(UPSERT_MODEL, { input });
    await write(UPSERT_MODEL, {
      input: { ...input, aliases: [], removeAliases: ['not-there'], unset: ['LICENSE'] },
    });
    const changes = await api.store.recentChanges(500);
    expect(changes.filter((c) => c.summary.includes(id))).toHaveLength(1);
  });
});
