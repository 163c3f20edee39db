import type { GraphStore } from '@lineage/graph-store';
import {
  batch,
  connectTestStore,
  link,
  node,
  testNamespace,
  testNeo4j,
} from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLineage } from '../testing/run-lineage';

let store: GraphStore;
beforeAll(async () => {
  store = await connectTestStore();
});
afterAll(async () => {
  await store?.close();
});

const lineage = (...args: string[]) => runLineage(testNeo4j(), args);

/** A defect in a base model deployed by two products, one built on the other's model. */
async function twoProducts() {
  const ns = testNamespace();
  const ids = {
    base: ns.id('model', 'lab/base'),
    tuned: ns.id('model', 'lab/tuned'),
    chat: ns.id('deployment', 'co/chat'),
    api: ns.id('deployment', 'co/api'),
    defect: ns.id('defect', 'JB-CLI'),
  };
  await store.write(
    batch(
      [
        node({ id: ids.base, kind: 'BaseModel', name: 'Base' }),
        node({ id: ids.tuned, kind: 'FineTune', name: 'Tuned' }),
        node({ id: ids.chat, kind: 'Deployment', name: 'Chat' }),
        node({ id: ids.api, kind: 'Deployment', name: 'API' }),
        node({
          id: ids.defect,
          kind: 'Defect',
          name: 'Jailbreak',
          category: 'JAILBREAK',
          severity: 'HIGH',
        }),
      ],
      [
        link('FINE_TUNED_FROM', ids.tuned, ids.base),
        link('DEPLOYS', ids.chat, ids.tuned),
        link('DEPLOYS', ids.api, ids.base),
        link('AFFECTS', ids.defect, ids.base),
      ],
    ),
    { by: 'test', action: 'test', summary: `triage cli ${ns.token}` },
  );
  return { ns, ids, hash: () => store.graphHash({ idsContaining: ns.token }) };
}

describe('lineage triage', () => {
  it('records an analysis, lists it beside the untriaged, and clears it, each audited', async () => {
    const { ids } = await twoProducts();
    const set = await lineage(
      'triage',
      'set',
      ids.defect,
      ids.chat,
      '--state',
      'not-affected',
      '--justification',
      'code_not_reachable',
      '--note',
      'the chat product never sends role-play prompts to the model',
      '--by',
      'sam',
    );
    expect(set.stderr).not.toContain('lineage:');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(
      `${ids.chat} for ${ids.defect}: NOT_AFFECTED (CODE_NOT_REACHABLE) by sam`,
    );

    const listed = await lineage('triage', 'list', ids.defect, '--json');
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as {
      id: string;
      mitigated: boolean;
      triage?: { state: string; triagedBy: string };
    }[];
    expect(rows.map((r) => [r.id, r.mitigated, r.triage?.state, r.triage?.triagedBy])).toEqual([
      [ids.api, false, undefined, undefined],
      [ids.chat, true, 'NOT_AFFECTED', 'sam'],
    ]);

    const cleared = await lineage('triage', 'clear', ids.defect, ids.chat, '--by', 'sam');
    expect(cleared.code).toBe(0);
    const after = JSON.parse((await lineage('triage', 'list', ids.defect, '--json')).stdout) as {
      id: string;
      triage?: object;
    }[];
    expect(after.every((r) => r.triage === undefined)).toBe(true);
    const changes = (await store.recentChanges(100)).filter(
      (c) => c.summary.includes(ids.chat) && c.by === 'sam',
    );
    expect(changes.map((c) => c.action).sort()).toEqual(['clearTriage', 'setTriage']);
  });

  it('refuses a bad analysis on stderr with a non-zero exit, and changes nothing', async () => {
    const { ids, hash } = await twoProducts();
    const before = await hash();
    const missing = await lineage('triage', 'set', ids.defect, ids.chat, '--state', 'not_affected');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('justification');
    expect(missing.stderr).toContain('NOT_AFFECTED needs a justification');

    const unknown = await lineage('triage', 'set', ids.defect, ids.chat, '--state', 'maybe');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("option '--state <state>' argument 'maybe' is invalid");
    expect(unknown.stderr).toContain('IN_TRIAGE, EXPLOITABLE, NOT_AFFECTED');

    const origin = await lineage(
      'triage',
      'set',
      ids.defect,
      ids.base,
      '--state',
      'false-positive',
    );
    expect(origin.code).not.toBe(0);
    expect(origin.stderr).toContain(`'${ids.base}' is an origin of '${ids.defect}'`);
    expect(await hash()).toEqual(before);
  });

  it('watches a product and lists its open exposures until they are triaged away', async () => {
    const { ns, ids } = await twoProducts();
    const owner = `team-${ns.token}`.replace(/[^\w-]/g, '').slice(0, 60);
    const added = await lineage('watch', 'add', ids.chat, '--owner', owner, '--tags', 'chat', 'eu');
    expect(added.stderr).not.toContain('lineage:');
    expect(added.stdout).toContain(`watching ${ids.chat} for ${owner}`);
    const open = async () => {
      const run = await lineage('watch', 'exposures', '--owner', owner, '--json');
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as {
        watched: number;
        exposures: { exposure: { defectId: string; triage?: { state: string } } }[];
      };
    };
    const before = await open();
    expect(before.watched).toBe(1);
    expect(before.exposures.map((e) => [e.exposure.defectId, e.exposure.triage?.state])).toEqual([
      [ids.defect, undefined],
    ]);
    await lineage('triage', 'set', ids.defect, ids.chat, '--state', 'in_triage');
    expect((await open()).exposures[0]!.exposure.triage?.state).toBe('IN_TRIAGE');
    await lineage('triage', 'set', ids.defect, ids.chat, '--state', 'resolved');
    expect((await open()).exposures).toEqual([]);
    const table = await lineage('watch', 'list', '--owner', owner);
    expect(table.stdout).toContain(`${ids.chat}`);
    expect(table.stdout).toContain('chat eu');
  });
});
