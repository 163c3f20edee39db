import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphStore, StoredRelationship } from '@lineage/graph-store';
import { startOwnStore, type OwnStore } from '@lineage/graph-store/testing';
import { fixture, realData } from '@lineage/importers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService } from './import-service';
import { seedDatabase } from './seed';

// Defects filed on the snapshot they were measured on, against the seed's model families and
// the periods their names pointed to each snapshot (POINTS_TO), read through the real store.

const SEED_DIR = fileURLToPath(new URL('../../../../seed', import.meta.url));
const avidReports = realData('avid/reports', 'the AVID snapshot filing test');

let own: OwnStore;
let store: GraphStore;
let imports: ImportService;
beforeAll(async () => {
  own = await startOwnStore({ heap: '1g', pageCache: '256m' });
  store = own.store;
  await seedDatabase(store, SEED_DIR);
  imports = new ImportService(store);
});
afterAll(async () => {
  await own?.stop();
});

const affected = async (defects: string[]) => {
  const outgoing = await store.outgoingOf(defects);
  return new Map(
    defects.map((id) => [
      id,
      (outgoing.get(id) ?? []).filter((r: StoredRelationship) => r.type === 'AFFECTS'),
    ]),
  );
};

describe('AVID reports on the seed', () => {
  it("reads a family's snapshots and the periods its name pointed to each from the store", async () => {
    const found = await store.readLookup().snapshotsOf(['model:openai/gpt-4o']);
    const periods = Object.fromEntries(
      (found.get('model:openai/gpt-4o') ?? []).map((s) => [s.id, s.pointedTo]),
    );
    expect(periods).toMatchObject({
      'model:openai/gpt-4o-2024-05-13': [{ validFrom: '2024-05-13', validTo: '2024-10-02' }],
      'model:openai/gpt-4o-2024-08-06': [{ validFrom: '2024-10-02' }],
      // A member the name never pointed to.
      'model:openai/gpt-4o-2024-11-20': [],
    });
  });

  it('files a report naming gpt-4o on the snapshot the name served on its date, and on the family where none did', async () => {
    const files = ['AVID-2026-R9921', 'AVID-2026-R9922', 'AVID-2026-R9923'].map((id) =>
      fixture(`avid/dated/${id}.json`),
    );
    await imports.run('avid', files, { by: 'test' });
    const filed = await affected(['R9921', 'R9922', 'R9923'].map((r) => `defect:AVID-2026-${r}`));
    const targets = Object.fromEntries([...filed].map(([id, rs]) => [id, rs.map((r) => r.to)]));
    expect(targets).toEqual({
      'defect:AVID-2026-R9921': ['model:openai/gpt-4o-2024-05-13'],
      'defect:AVID-2026-R9922': ['model:openai/gpt-4o-2024-08-06'],
      // 2024-03-01: before the name existed.
      'defect:AVID-2026-R9923': ['model:openai/gpt-4o'],
    });
    expect(filed.get('defect:AVID-2026-R9921')![0]).toMatchObject({
      origin: 'import',
      matchedBy: 'owner-name',
      recordedFrom: expect.stringMatching(/pointed to on 2024-08-01/),
    });
  });
});

describe('a CycloneDX BOM naming versions of the seed families', () => {
  it('deploys the stored snapshot each version names, and the family where none is stored', async () => {
    const { plan } = await imports.run('cyclonedx', [fixture('cyclonedx/seed-versions.json')], {
      by: 'test',
    });
    const router = 'deployment:fixture-router-ltd/fixture-router';
    const deploys = (await store.outgoingOf([router])).get(router) ?? [];
    expect(
      Object.fromEntries(
        deploys.filter((r) => r.type === 'DEPLOYS').map((r) => [r.to, r.matchedBy]),
      ),
    ).toEqual({
      'model:openai/gpt-4o-2024-08-06': 'owner-name',
      'model:mistralai/Mistral-Large-Instruct-2407': 'owner-name',
      'model:deepseek-ai/DeepSeek-V3-0324': 'owner-name',
      'model:openai/gpt-4o-mini': 'owner-name',
    });
    expect(
      plan.batch.nodes.filter((n) => n.kind !== 'Deployment' && n.kind !== 'Provider'),
    ).toEqual([]);
    expect(plan.matches.find((m) => m.name === 'gpt-4o-mini')).toMatchObject({
      version: '2024-07-18',
    });
  });
});

describe.skipIf(!avidReports)('real AVID reports on the seed', () => {
  it("files every report on a family on the snapshot whose POINTS_TO period holds the report's date", async () => {
    const { plan } = await imports.run('avid', [avidReports!], { by: 'test' });
    const onSnapshot = plan.matches.filter((m) => m.snapshot);
    // A report filed on a snapshot is filed: it is not among the remarks (the reports not filed).
    const remarked = new Set(plan.notes.remarks.map((line) => line.split(':')[0]!));
    for (const match of onSnapshot) expect(remarked.has(match.at), match.at).toBe(false);
    // "OpenAI GPT-4o" is named in some forty reports of 2025-2026, when the name served 2024-08-06.
    expect(onSnapshot.length).toBeGreaterThan(10);
    const families = [
      ...new Set(
        onSnapshot.map((m) => (m.resolution.outcome === 'matched' ? m.resolution.id : '')),
      ),
    ];
    const periods = await store.readLookup().snapshotsOf(families);
    const dateOf = new Map<string, string>();
    for (const year of await readdir(avidReports!))
      for (const file of await readdir(path.join(avidReports!, year))) {
        const report = JSON.parse(await readFile(path.join(avidReports!, year, file), 'utf8'));
        dateOf.set(report.metadata.report_id, report.reported_date);
      }
    for (const match of onSnapshot) {
      const family = match.resolution.outcome === 'matched' ? match.resolution.id : '';
      const day = dateOf.get(match.at)!;
      const snapshot = periods.get(family)!.find((s) => s.id === match.snapshot)!;
      const holds = snapshot.pointedTo.some(
        (p) => (!p.validFrom || p.validFrom <= day) && (!p.validTo || day < p.validTo),
      );
      expect(holds, `${match.at} ${match.name} on ${day} -> ${match.snapshot}`).toBe(true);
      const filed = await affected([`defect:${match.at}`]);
      expect(filed.get(`defect:${match.at}`)!.map((r) => r.to)).toContain(match.snapshot);
    }
    // A family whose name the store dates nowhere (Mistral Large: its versions are stored, the
    // days its name moved were not read) keeps the reports that name it.
    const onFamily = plan.matches.filter(
      (m) => m.resolution.outcome === 'matched' && !m.snapshot && m.role === 'artifact',
    );
    const mistral = onFamily.filter(
      (m) =>
        m.resolution.outcome === 'matched' && m.resolution.id === 'model:mistralai/mistral-large',
    );
    expect(mistral.length).toBeGreaterThan(20);
    for (const match of mistral.slice(0, 5)) {
      const filed = await affected([`defect:${match.at}`]);
      expect(filed.get(`defect:${match.at}`)!.map((r) => r.to)).toContain(
        'model:mistralai/mistral-large',
      );
    }
    const gpt4o = onSnapshot.filter(
      (m) => m.name === 'OpenAI GPT-4o' && dateOf.get(m.at)! >= '2024-10-02',
    );
    expect(gpt4o.length).toBeGreaterThan(30);
    expect(new Set(gpt4o.map((m) => m.snapshot))).toEqual(
      new Set(['model:openai/gpt-4o-2024-08-06']),
    );
  });
});
