import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TriageInput, TriageJustification } from '@lineage/domain';
import type { GraphStore } from '@lineage/graph-store';
import { startOwnStore, type OwnStore } from '@lineage/graph-store/testing';
import { detectFormat, validateCycloneDxVex, validateOpenVex } from '@lineage/importers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../imports/seed';
import { createServices } from '../services';

const seedDir = fileURLToPath(new URL('../../../../seed', import.meta.url));
const author = { by: 'vex-test', action: 'setTriage' };

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-vex-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A seeded Neo4j of its own (the seed holds no triage), for `work`, then stopped. */
async function seededStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const own: OwnStore = await startOwnStore();
  try {
    await seedDatabase(own.store, seedDir);
    return await work(own.store);
  } finally {
    await own.stop();
  }
}

/** Every TRIAGED relationship to the defect, as comparable rows. */
async function triageOf(store: GraphStore, defectId: string) {
  const context = await store.defectContext(defectId);
  return [...context!.triage.entries()]
    .map(([nodeId, t]) => ({
      nodeId,
      state: t.state,
      justification: t.justification ?? null,
      note: t.note ?? null,
      by: t.triagedBy,
      at: new Date(t.triagedAt).toISOString(),
    }))
    .sort((a, b) => a.nodeId.localeCompare(b.nodeId));
}

const DEFECT = 'defect:FMD-2026-0006';

describe('VEX documents', () => {
  // Two Neo4j starts: allowed more than the default when the machine is busy.
  it(
    'carry every triage state out, validated, and back into a fresh database unchanged',
    { timeout: 400_000 },
    async () => {
      const exported = await seededStore(async (store) => {
        const services = createServices(store);
        const { view } = await services.impact.impactOfDefect(DEFECT);
        const deployments = view.deployments().map((row) => row.id);
        expect(deployments.length).toBeGreaterThan(5);
        const plans: Omit<TriageInput, 'defectId' | 'nodeId'>[] = [
          { state: 'NOT_AFFECTED', justification: 'CODE_NOT_REACHABLE', note: 'never prompted' },
          { state: 'NOT_AFFECTED', justification: 'PROTECTED_AT_PERIMETER' as TriageJustification },
          { state: 'EXPLOITABLE', note: 'reproduced on 2026-11-30' },
          { state: 'RESOLVED', note: 'guardrail deployed' },
          { state: 'FALSE_POSITIVE', note: 'the product runs another model' },
          { state: 'IN_TRIAGE' },
        ];
        for (const [i, plan] of plans.entries()) {
          await services.writes.setTriage(
            { ...plan, defectId: DEFECT, nodeId: deployments[i]! },
            author,
          );
        }
        // A model on the way, on the hub: it is stated by its purl.
        const context = await store.defectContext(DEFECT);
        const models = view.deployments().flatMap((row) => row.path.slice(1, -1));
        const entities = await store.getEntities(models);
        const hubModel = [...entities.values()].find(
          (e) =>
            !context!.origins.includes(e.id) &&
            e.sources.some((u) => u.includes('huggingface.co/')),
        );
        expect(hubModel, 'a hub model on a path of the defect').toBeDefined();
        await services.writes.setTriage(
          { defectId: DEFECT, nodeId: hubModel!.id, state: 'EXPLOITABLE', note: 'the base itself' },
          author,
        );
        const before = await triageOf(store, DEFECT);
        expect(before.map((t) => t.state).sort()).toEqual(
          [...plans.map((p) => p.state), 'EXPLOITABLE'].sort(),
        );

        const cyclonedx = await services.vex(DEFECT, { format: 'cyclonedx' });
        const cyclonedx17 = await services.vex(DEFECT, { format: 'cyclonedx', specVersion: '1.7' });
        const openvex = await services.vex(DEFECT, { format: 'openvex' });
        const product = await services.vex(deployments[2]!, { format: 'openvex' });
        expect(await validateCycloneDxVex(cyclonedx.json)).toBeNull();
        expect(JSON.parse(cyclonedx17.json)).toMatchObject({ specVersion: '1.7' });
        expect(validateOpenVex(openvex.json)).toBeNull();
        // Each exposed deployment is stated (the triaged ones, the rest as in triage), and the model.
        expect(cyclonedx.statements).toBe(deployments.length + 1);
        // Only nodes whose hub page is a source get a hub purl: an owner/name id does not say it.
        const components = (
          JSON.parse(cyclonedx.json) as { components: { 'bom-ref': string; purl?: string }[] }
        ).components;
        const purls = new Map(components.map((c) => [c['bom-ref'], c.purl]));
        expect(purls.get(hubModel!.id)).toMatch(/^pkg:huggingface\//);
        const stated = await store.getEntities([...purls.keys()]);
        for (const [id, purl] of purls)
          if (purl)
            expect(stated.get(id)!.sources.some((u) => u.includes('huggingface.co/'))).toBe(true);
        expect(JSON.parse(product.json).statements).toContainEqual(
          expect.objectContaining({
            status: 'affected',
            vulnerability: expect.objectContaining({ name: DEFECT.slice('defect:'.length) }),
          }),
        );
        return { before, documents: { cyclonedx: cyclonedx.json, openvex: openvex.json } };
      });

      // One fresh seeded Neo4j takes each document in turn, its triage cleared between them.
      await seededStore(async (store) => {
        const services = createServices(store);
        expect(await triageOf(store, DEFECT)).toEqual([]);
        for (const [format, json] of Object.entries(exported.documents)) {
          const file = path.join(scratch, `${format}.vex.json`);
          await writeFile(file, json);
          expect(await detectFormat(file)).toBe('vex');
          const { plan } = await services.imports.run('vex', [file], { by: 'importer' });
          expect(plan.records).toBe(exported.before.length);
          expect(await triageOf(store, DEFECT), format).toEqual(exported.before);
          for (const { nodeId } of exported.before)
            await services.writes.clearTriage(DEFECT, nodeId, author);
          expect(await triageOf(store, DEFECT)).toEqual([]);
        }
      });
    },
  );
});
