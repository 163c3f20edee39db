import { readFile } from 'node:fs/promises';
import { testNamespace } from '@lineage/graph-store/testing';
import { validateBom } from '@lineage/importers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER, testApi, WRITER } from './testing';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi({ readTokens: [`${READER.name}:${READER.token}`] });
});
afterAll(async () => {
  await api.store.close();
});

const BOM = `query ($id: ID!, $asOf: Date) { cycloneDxBom(deploymentId: $id, asOf: $asOf) }`;
const IMPORT = `mutation ($fileName: String!, $content: String!, $format: ImportFormat, $dryRun: Boolean) {
  importFile(fileName: $fileName, content: $content, format: $format, dryRun: $dryRun) {
    summary {
      format dryRun records nodes relationships matched unresolved graphVersion notes
      nodesWritten { created updated unchanged }
    }
    userErrors { code message field }
  }
}`;
const NODE = `query ($id: ID!) { node(id: $id) { id name } }`;
const VERSION = `{ stats { graphVersion } }`;

describe('cycloneDxBom', () => {
  it("answers a seed deployment's bill as a valid CycloneDX 1.6 document of that day", async () => {
    const id = 'deployment:perplexity-ai/perplexity';
    const { body } = await api.gql(BOM, { id, asOf: '2026-06-01' }, READER.token);
    expect(body.errors).toBeUndefined();
    const json: string = body.data.cycloneDxBom;
    expect(await validateBom(json)).toBeNull();
    const bom = JSON.parse(json);
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.metadata.component['bom-ref']).toBe(id);
    expect(bom.metadata.properties).toContainEqual({ name: 'lineage:as-of', value: '2026-06-01' });
    // What the deployment is built on, as the lineage query sees it upstream.
    const lineage = await api.gql(
      `{ lineage(id: "${id}", direction: UPSTREAM, depth: 20) { nodes { node { id kind } } } }`,
      {},
      READER.token,
    );
    const upstream = lineage.body.data.lineage.nodes
      .filter((n: { node: { kind: string } }) => n.node.kind === 'BaseModel')
      .map((n: { node: { id: string } }) => n.node.id);
    const refs = bom.components.map((c: { 'bom-ref': string }) => c['bom-ref']);
    expect(upstream.length).toBeGreaterThan(0);
    for (const model of upstream) expect(refs).toContain(model);
  });

  it('names an unknown id NOT_FOUND and a node that is no deployment VALIDATION', async () => {
    const unknown = await api.gql(BOM, { id: 'deployment:nobody/nothing' }, READER.token);
    expect(unknown.body.errors![0].extensions.code).toBe('NOT_FOUND');
    expect(unknown.body.errors![0].message).toContain('deployment:nobody/nothing');
    const model = await api.gql(BOM, { id: 'model:meta-llama/Llama-3.1-8B' }, READER.token);
    expect(model.body.errors![0].extensions.code).toBe('VALIDATION');
  });
});

describe('importFile', () => {
  /** The importers' ML-BOM fixture, its owners renamed into a namespace of this test's own. */
  async function namespacedBom() {
    const ns = testNamespace();
    const fixture = await readFile(
      new URL('../../../packages/importers/fixtures/cyclonedx/ml-bom.json', import.meta.url),
      'utf8',
    );
    const content = fixture
      .replaceAll('fixture-apps', `${ns.token}apps`)
      .replaceAll('fixture-org', `${ns.token}org`)
      .replaceAll('Fixture Helpdesk', `${ns.token} Helpdesk`);
    return { ns, content };
  }

  it('refuses a caller without a write token: 401 anonymous, 403 for a read token', async () => {
    const { content } = await namespacedBom();
    const anonymous = await api.gql(IMPORT, { fileName: 'bom.json', content });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await api.gql(IMPORT, { fileName: 'bom.json', content }, READER.token);
    expect(reader.status).toBe(403);
    expect(reader.body.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('plans without writing on a dry run, then imports the file with its format guessed', async () => {
    const { content } = await namespacedBom();
    const before = (await api.gql(VERSION, {}, READER.token)).body.data.stats.graphVersion;
    const dry = await api.gql(
      IMPORT,
      { fileName: 'bom.json', content, dryRun: true },
      WRITER.token,
    );
    expect(dry.body.data.importFile.userErrors).toEqual([]);
    const plan = dry.body.data.importFile.summary;
    expect(plan).toMatchObject({ format: 'CYCLONEDX', dryRun: true, nodesWritten: null });
    expect(plan.nodes).toBeGreaterThan(0);
    expect((await api.gql(VERSION, {}, READER.token)).body.data.stats.graphVersion).toBe(before);

    const run = await api.gql(IMPORT, { fileName: 'bom.json', content }, WRITER.token);
    expect(run.body.data.importFile.userErrors).toEqual([]);
    const done = run.body.data.importFile.summary;
    expect(done).toMatchObject({ format: 'CYCLONEDX', dryRun: false, nodes: plan.nodes });
    expect(done.nodesWritten.created).toBeGreaterThan(0);
    expect(done.graphVersion).toBeGreaterThan(before);
  });

  it('writes nothing from a file with a bad row, and names the row', async () => {
    const ns = testNamespace();
    const good = `${ns.token}org/Card-3B`;
    const content = [
      JSON.stringify({ id: good, license: 'apache-2.0' }),
      JSON.stringify({ id: 'not a repo id' }),
    ].join('\n');
    const before = (await api.gql(VERSION, {}, READER.token)).body.data.stats.graphVersion;
    const { body } = await api.gql(IMPORT, { fileName: 'cards.jsonl', content }, WRITER.token);
    const [error] = body.data.importFile.userErrors;
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('cards.jsonl:2');
    expect(error.message).not.toMatch(/lineage-upload|\/tmp/);
    expect(body.data.importFile.summary).toBeNull();
    expect((await api.gql(VERSION, {}, READER.token)).body.data.stats.graphVersion).toBe(before);
    expect((await api.gql(NODE, { id: `model:${good}` }, READER.token)).body.data.node).toBeNull();
  });

  it('refuses a file name with a directory, a backup, and content over 5 MB (413)', async () => {
    const path = await api.gql(IMPORT, { fileName: '../x.json', content: '{}' }, WRITER.token);
    expect(path.body.data.importFile.userErrors[0].message).toContain('plain file name');
    const backup = await api.gql(
      IMPORT,
      { fileName: 'b.jsonl', content: '{"format":"lineage-backup"}\n' },
      WRITER.token,
    );
    expect(backup.body.data.importFile.userErrors[0].message).toContain('files sent to the API');
    const big = 'x'.repeat(5 * 1024 * 1024 + 1);
    const tooLarge = await api.gql(IMPORT, { fileName: 'big.jsonl', content: big }, WRITER.token);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors![0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
