import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@lineage/graph-store';
import { batch, connectTestStore, link, node, testNamespace } from '@lineage/graph-store/testing';
import { billOfMaterials } from '../bill-of-materials/bill-of-materials';
import { BrowseService } from '../browse/browse-service';
import { ImpactService } from './impact-service';

// Two connections to the run's Neo4j: one answers from the in-memory projection when it is
// current, one always from the closure fetched with Cypher. Both must read dates the same way.
let projected: GraphStore;
let cypherOnly: GraphStore;
beforeAll(async () => {
  projected = await connectTestStore();
  cypherOnly = await connectTestStore();
  projected.enableProjection((error) => {
    throw error;
  });
});
afterAll(async () => {
  await projected.close();
  await cypherOnly.close();
});

const change = { by: 'test', action: 'test', summary: 'as-of test' };

/**
 * A product that switched models, as ChatGPT did: `chat` ran `old` (a gpt-3.5-turbo) from its
 * launch until 2024-07-18, and the family name `fam` (a gpt-4o) from 2024-05-13; the name
 * pointed to snapshot `s1` until 2024-10-02, then to `s2`. `gone` (a Bird SQL) ran `old` and
 * was retired on 2024-01-01.
 */
async function switchedProduct() {
  const ns = testNamespace();
  const ids = {
    old: ns.id('model', 'acme/old'),
    fam: ns.id('model', 'acme/fam'),
    s1: ns.id('model', 'acme/fam-2024-05-13'),
    s2: ns.id('model', 'acme/fam-2024-08-06'),
    chat: ns.id('deployment', 'acme/chat'),
    gone: ns.id('deployment', 'acme/gone'),
    oldFlaw: ns.id('defect', 'FMD-old'),
    s1Flaw: ns.id('defect', 'FMD-s1'),
  };
  const defect = (id: string, origin: string, disclosedAt: string) => [
    node({ id, kind: 'Defect', name: id, category: 'JAILBREAK', severity: 'HIGH', disclosedAt }),
    link('AFFECTS', id, origin),
  ];
  const [oldFlaw, oldAffects] = defect(ids.oldFlaw, ids.old, '2023-12-01');
  const [s1Flaw, s1Affects] = defect(ids.s1Flaw, ids.s1, '2024-06-01');
  await projected.write(
    batch(
      [
        node({ id: ids.old, kind: 'BaseModel', name: 'Old', releasedAt: '2022-11-30' }),
        node({ id: ids.fam, kind: 'BaseModel', name: 'Fam', releasedAt: '2024-05-13' }),
        node({ id: ids.s1, kind: 'BaseModel', name: 'Fam 05-13', releasedAt: '2024-05-13' }),
        node({ id: ids.s2, kind: 'BaseModel', name: 'Fam 08-06', releasedAt: '2024-08-06' }),
        node({ id: ids.chat, kind: 'Deployment', name: 'Chat', releasedAt: '2022-11-30' }),
        node({
          id: ids.gone,
          kind: 'Deployment',
          name: 'Gone',
          releasedAt: '2023-01-01',
          retiredAt: '2024-01-01',
        }),
        oldFlaw as never,
        s1Flaw as never,
      ],
      [
        link('DEPLOYS', ids.chat, ids.old, { validFrom: '2022-11-30', validTo: '2024-07-18' }),
        link('DEPLOYS', ids.chat, ids.fam, { validFrom: '2024-05-13' }),
        link('POINTS_TO', ids.fam, ids.s1, { validFrom: '2024-05-13', validTo: '2024-10-02' }),
        link('POINTS_TO', ids.fam, ids.s2, { validFrom: '2024-10-02' }),
        link('SNAPSHOT_OF', ids.s1, ids.fam),
        link('SNAPSHOT_OF', ids.s2, ids.fam),
        link('DEPLOYS', ids.gone, ids.old),
        oldAffects as never,
        s1Affects as never,
      ],
    ),
    change,
  );
  return ids;
}

async function reached(store: GraphStore, defectId: string, asOf?: string, disclosedOnly = false) {
  const { view } = await new ImpactService(store).impactOfDefect(defectId, {
    asOf,
    disclosedOnly,
  });
  return view.page({}, 0, 100).rows.map((row) => row.id);
}

describe.each([
  ['the projection', () => projected],
  ['Cypher', () => cypherOnly],
])('impact as of a day, answered from %s', (_, store) => {
  it('exposes a product through the model it ran that day, not one it stopped running', async () => {
    const ids = await switchedProduct();
    if (store() === projected) await projected.projection!.refresh();
    expect(await reached(store(), ids.oldFlaw, '2024-01-01')).toContain(ids.chat);
    expect(await reached(store(), ids.oldFlaw, '2024-07-17')).toContain(ids.chat);
    expect(await reached(store(), ids.oldFlaw, '2024-07-18')).not.toContain(ids.chat);
    expect(await reached(store(), ids.oldFlaw)).not.toContain(ids.chat);
  });

  it('reaches a product through a family name only while it pointed at the snapshot', async () => {
    const ids = await switchedProduct();
    if (store() === projected) await projected.projection!.refresh();
    const during = await reached(store(), ids.s1Flaw, '2024-06-15');
    expect(during).toEqual([ids.s1, ids.fam, ids.chat]);
    expect(await reached(store(), ids.s1Flaw, '2024-10-02')).toEqual([ids.s1]);
    expect(await reached(store(), ids.s1Flaw, '2024-05-12')).toEqual([]);
  });

  it('exposes nothing before the origin was released, and nothing retired', async () => {
    const ids = await switchedProduct();
    if (store() === projected) await projected.projection!.refresh();
    expect(await reached(store(), ids.oldFlaw, '2022-01-01')).toEqual([]);
    expect(await reached(store(), ids.oldFlaw, '2023-06-01')).toContain(ids.gone);
    expect(await reached(store(), ids.oldFlaw, '2024-01-01')).not.toContain(ids.gone);
  });

  it('counts a defect only from its disclosure when asked to', async () => {
    const ids = await switchedProduct();
    if (store() === projected) await projected.projection!.refresh();
    expect(await reached(store(), ids.oldFlaw, '2023-06-01', false)).toContain(ids.chat);
    expect(await reached(store(), ids.oldFlaw, '2023-06-01', true)).toEqual([]);
    expect(await reached(store(), ids.oldFlaw, '2023-12-01', true)).toContain(ids.chat);
  });
});

describe('exposure windows', () => {
  it('states over which periods a defect reached a product, and since when it does', async () => {
    const ids = await switchedProduct();
    const service = new ImpactService(cypherOnly);
    const { rows } = await service.exposure(ids.chat, { asOf: '2024-01-01' });
    const old = rows.find((row) => row.defectId === ids.oldFlaw)!;
    expect(old.since).toBe('2022-11-30');
    expect(old.windows).toEqual([
      {
        from: '2022-11-30',
        to: '2024-07-18',
        level: 'CERTAIN',
        mitigated: false,
        path: [ids.old, ids.chat],
      },
    ]);
    expect(rows.some((row) => row.defectId === ids.s1Flaw)).toBe(false);

    const later = await service.exposure(ids.chat, { asOf: '2024-09-01' });
    const s1 = later.rows.find((row) => row.defectId === ids.s1Flaw)!;
    expect(s1.windows.map(({ from, to }) => [from, to])).toEqual([['2024-05-13', '2024-10-02']]);
    expect(s1.row.path).toEqual([ids.s1, ids.fam, ids.chat]);
    expect((await service.exposure(ids.chat)).rows.map((row) => row.defectId)).not.toContain(
      ids.oldFlaw,
    );
  });

  it('ends a window on the day a mitigation begins', async () => {
    const ids = await switchedProduct();
    await cypherOnly.write(
      batch(
        [],
        [link('MITIGATES', ids.chat, ids.oldFlaw, { evidence: 'filtered', since: '2024-01-01' })],
      ),
      change,
    );
    const { rows } = await new ImpactService(cypherOnly).exposure(ids.chat, {
      asOf: '2023-06-01',
    });
    const old = rows.find((row) => row.defectId === ids.oldFlaw)!;
    expect(old.windows.map(({ from, to, mitigated }) => [from, to, mitigated])).toEqual([
      ['2022-11-30', '2024-01-01', false],
      ['2024-01-01', '2024-07-18', true],
    ]);
  });
});

describe('changes between two days', () => {
  it('lists the relationships that began or ended and the exposures they opened or closed', async () => {
    const ids = await switchedProduct();
    const changes = await new ImpactService(cypherOnly).changesBetween('2024-07-01', '2024-10-31');
    const mine = changes.relationships.filter((c) =>
      Object.values(ids).includes(c.relationship.from),
    );
    expect(mine.map((c) => [c.relationship.from, c.relationship.to, c.change, c.on])).toEqual([
      [ids.chat, ids.old, 'ENDED', '2024-07-18'],
      [ids.fam, ids.s1, 'ENDED', '2024-10-02'],
      [ids.fam, ids.s2, 'BEGAN', '2024-10-02'],
    ]);
    const exposures = changes.exposures.filter((c) => c.deploymentId === ids.chat);
    expect(exposures).toEqual([
      { defectId: ids.oldFlaw, deploymentId: ids.chat, change: 'CLOSED', level: 'CERTAIN' },
      { defectId: ids.s1Flaw, deploymentId: ids.chat, change: 'CLOSED', level: 'CERTAIN' },
    ]);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(
      new ImpactService(cypherOnly).changesBetween('2024-07-01', '2024-01-01'),
    ).rejects.toThrow(/must be after/);
  });
});

describe('the lineage, paths, blast radius and bill of materials as of a day', () => {
  it('show what held that day', async () => {
    const ids = await switchedProduct();
    const browse = new BrowseService(cypherOnly);
    const upstream = async (asOf: string) =>
      (
        await browse.lineage(ids.chat, { direction: 'UPSTREAM', depth: 3, maxNodes: 50, asOf })
      ).view.nodes.map((n) => n.id);
    expect(await upstream('2023-06-01')).toEqual([ids.chat, ids.old]);
    expect(await upstream('2024-11-01')).toEqual([ids.chat, ids.fam, ids.s2]);

    expect(await browse.path(ids.chat, ids.s1, '2024-11-01')).toBeUndefined();
    expect((await browse.path(ids.chat, ids.s1, '2024-06-01'))?.ids).toEqual([
      ids.chat,
      ids.fam,
      ids.s1,
    ]);

    const radius = async (asOf: string) =>
      (await browse.blastRadius(500, asOf)).find((row) => row.id === ids.old)?.deployments ?? 0;
    expect(await radius('2023-06-01')).toBe(2);
    expect(await radius('2024-03-01')).toBe(1);
    expect(await radius('2025-01-01')).toBe(0);

    const bom = await billOfMaterials(cypherOnly, ids.chat, { asOf: '2024-06-01' });
    expect(bom.nodes.map((n) => n.id).sort()).toEqual([ids.chat, ids.fam, ids.old, ids.s1].sort());
    expect(bom.vulnerabilities.map((v) => v.defect.id).sort()).toEqual(
      [ids.oldFlaw, ids.s1Flaw].sort(),
    );
    const today = await billOfMaterials(cypherOnly, ids.chat);
    expect(today.nodes.map((n) => n.id).sort()).toEqual([ids.chat, ids.fam, ids.s2].sort());
    expect(today.vulnerabilities).toEqual([]);
  });
});
