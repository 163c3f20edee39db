import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { entityInputSchema, relationshipInputSchema, type Relationship } from '@lineage/domain';
import type { GraphStore } from '@lineage/graph-store';
import { batch, connectTestStore, node, testNamespace } from '@lineage/graph-store/testing';
import {
  emptyNotes,
  IMPORTERS,
  importedFrom,
  importedLink,
  NameResolver,
  type ImportFormat,
  type Importer,
} from '@lineage/importers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService } from '../imports/import-service';
import { ReviewService } from './review-service';

// The loop through the real resolver and a real Neo4j: a source names a model, the import
// cannot tie the name, a person decides, and the next import honours the decision. The
// source is a probe of this test's own (one defect per line, on the model its name means),
// so the loop is tested whatever each real importer's parsing does.
interface ProbeRecord {
  defect: string;
  name: string;
  owners?: string[];
}

const probe: Importer = {
  format: 'avid',
  prepare: async (files) => {
    const records = JSON.parse(await readFile(files[0]!, 'utf8')) as ProbeRecord[];
    return async (lookup) => {
      const references = records.map((r) => ({
        name: r.name,
        owners: r.owners,
        groups: ['Model' as const],
      }));
      const resolver = await NameResolver.prepare(lookup, references);
      const notes = emptyNotes();
      const nodes = [];
      const relationships = [];
      for (const [line, record] of records.entries()) {
        const at = `probe.json:${line + 1}`;
        nodes.push(
          entityInputSchema.parse({
            id: record.defect,
            kind: 'Defect',
            name: `Probe ${record.defect}`,
            category: 'JAILBREAK',
            severity: 'HIGH',
            ...importedFrom('probe', at),
          }),
        );
        const resolution = resolver.resolveAt(
          { name: record.name, owners: record.owners, groups: ['Model'] },
          at,
          'artifact',
          notes,
        );
        if (resolution.outcome === 'matched')
          relationships.push(
            relationshipInputSchema.parse({
              type: 'AFFECTS',
              from: record.defect,
              to: resolution.id,
              ...importedLink('probe', at, resolution.method),
            }),
          );
      }
      return {
        format: 'avid',
        records: records.length,
        batch: { nodes, relationships },
        linked: 0,
        notes,
        matches: resolver.records,
      };
    };
  },
};
const importers: Record<ImportFormat, Importer> = { ...IMPORTERS, avid: probe };

let store: GraphStore;
let review: ReviewService;
let imports: ImportService;
let dir: string;
beforeAll(async () => {
  store = await connectTestStore();
  review = new ReviewService(store, importers);
  imports = new ImportService(store, importers);
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-review-'));
});
afterAll(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A model an upload carries (imported) and one the seed curated, each with a name of its own. */
async function world() {
  const ns = testNamespace();
  // The token keeps each test's names apart in the one database all tests share.
  const word = ns.token.replace(/\W/g, '');
  const ids = {
    upload: ns.id('model', 'uploader/Zyphon'),
    curated: ns.id('model', 'lab/Quillon'),
    defect: ns.id('defect', 'probe-1'),
  };
  const names = { upload: `Zyphon ${word}`, curated: `Quillon ${word}` };
  await store.write(
    batch([
      node({ id: ids.upload, kind: 'FineTune', name: names.upload, origin: 'import' }),
      node({ id: ids.curated, kind: 'BaseModel', name: names.curated, origin: 'seed' }),
    ]),
    { by: 'test', action: 'test', summary: `review world ${ns.token}` },
  );
  const file = path.join(dir, `${word}.json`);
  const source = async (name: string) => {
    await writeFile(file, JSON.stringify([{ defect: ids.defect, name }]));
    return [file];
  };
  const affects = async () => {
    const found: Relationship[] = [];
    for await (const r of store.exportRelationships())
      if (r.from === ids.defect && r.type === 'AFFECTS') found.push(r);
    return found.map((r) => ({ to: r.to, matchedBy: r.matchedBy }));
  };
  const hash = () => store.graphHash({ idsContaining: ns.token });
  return { ids, names, source, affects, hash };
}

const importProbe = (files: string[]) => imports.run('avid', files, { by: 'test' });

describe('the review loop', () => {
  it('joins a bare name only an upload carries once a person accepts it, marked reviewed', async () => {
    const w = await world();
    const first = await importProbe(await w.source(w.names.upload));
    expect(first.plan.matches[0]?.resolution).toMatchObject({
      outcome: 'unresolved',
      candidates: [w.ids.upload],
    });
    expect(await w.affects()).toEqual([]);

    await review.decide(
      { name: w.names.upload, id: w.ids.upload, verdict: 'accept', note: 'same weights' },
      'alice',
    );
    const again = await importProbe(await w.source(w.names.upload));
    expect(again.plan.matches[0]?.resolution).toMatchObject({
      outcome: 'matched',
      method: 'reviewed',
    });
    expect(await w.affects()).toEqual([{ to: w.ids.upload, matchedBy: 'reviewed' }]);
  });

  it('keeps a rejected curated candidate unjoined on import', async () => {
    const w = await world();
    const before = await review.plan('avid', await w.source(w.names.curated));
    expect(before.matches[0]?.resolution).toMatchObject({ outcome: 'matched', id: w.ids.curated });

    await review.decide({ name: w.names.curated, id: w.ids.curated, verdict: 'reject' }, 'alice');
    const { plan } = await importProbe(await w.source(w.names.curated));
    expect(plan.matches[0]?.resolution.outcome).toBe('unresolved');
    expect(await w.affects()).toEqual([]);
  });

  it('audits a decision in the change trail without marking the lineage changed', async () => {
    const w = await world();
    const report = await review.decide(
      { name: w.names.upload, owner: 'Uploader Inc', id: w.ids.upload, verdict: 'accept' },
      'alice',
    );
    expect(report.changed).toBe(true);
    const [change] = await store.recentChanges(1);
    expect(change).toMatchObject({
      graphVersion: report.graphVersion,
      by: 'alice',
      action: 'review',
      lineageChanged: false,
    });
    for (const part of [w.names.upload, 'Uploader Inc', 'accept', w.ids.upload])
      expect(change?.summary).toContain(part);

    // The same answer again changes nothing and records nothing.
    const same = await review.decide(
      { name: w.names.upload, owner: 'Uploader Inc', id: w.ids.upload, verdict: 'accept' },
      'bob',
    );
    expect(same).toMatchObject({ changed: false, graphVersion: report.graphVersion });
    expect(await store.graphVersion()).toBe(report.graphVersion);
  });

  it('refuses a decision naming an unknown id, naming it, and changes nothing', async () => {
    const w = await world();
    const missing = w.ids.upload.replace('Zyphon', 'Nowhere');
    const version = await store.graphVersion();
    const decisions = await review.all();
    await expect(
      review.decide({ name: w.names.upload, id: missing, verdict: 'accept' }, 'alice'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(missing) });
    expect(await store.graphVersion()).toBe(version);
    expect(await review.all()).toEqual(decisions);
  });

  it('refuses input past its limits, naming the field', async () => {
    await expect(
      review.decide({ name: 'x'.repeat(201), id: 'model:a/b', verdict: 'accept' }, 'alice'),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('name must be at most 200'),
    });
  });

  it('plans without writing: the graph hash and version stay, the proposals list the candidates', async () => {
    const w = await world();
    const hash = await w.hash();
    const version = await store.graphVersion();
    const plan = await review.plan('avid', await w.source(w.names.upload));
    expect(await w.hash()).toEqual(hash);
    expect(await store.graphVersion()).toBe(version);
    expect(plan).toMatchObject({
      format: 'avid',
      graphVersion: version,
      counts: { records: 1, nodes: 1, relationships: 0, unresolved: 1, matched: 0 },
      proposals: [
        { name: w.names.upload, owner: '', outcome: 'unresolved', candidates: [w.ids.upload] },
      ],
    });
    expect(await review.undecided(plan, 'plan.json')).toHaveLength(1);
    await review.decide({ name: w.names.upload, id: w.ids.upload, verdict: 'accept' }, 'alice');
    expect(await review.undecided(plan, 'plan.json')).toEqual([]);
  });

  it('removes a decision, audited, so the name is proposed again; an unknown one is NOT_FOUND', async () => {
    const w = await world();
    await review.decide({ name: w.names.upload, id: w.ids.upload, verdict: 'accept' }, 'alice');
    const removed = await review.remove({ name: w.names.upload }, 'alice');
    const [change] = await store.recentChanges(1);
    expect(change).toMatchObject({ graphVersion: removed.graphVersion, action: 'review' });
    const plan = await review.plan('avid', await w.source(w.names.upload));
    expect(plan.proposals).toHaveLength(1);
    await expect(review.remove({ name: w.names.upload }, 'alice')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(w.names.upload),
    });
  });
});
