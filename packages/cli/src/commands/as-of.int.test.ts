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

const lineage = (...args: string[]) => runLineage(testNeo4j(), args);

/**
 * A product that switched models, in a namespace of this file's own and in years no other
 * test uses: `chat` ran `old` from its launch (2011-03-01) until 2012-07-18, then `next`. A
 * jailbreak of `old` was disclosed on 2011-06-01.
 */
const ns = testNamespace();
const ids = {
  old: ns.id('model', 'acme/old'),
  next: ns.id('model', 'acme/next'),
  chat: ns.id('deployment', 'acme/chat'),
  flaw: ns.id('defect', 'FMD-old'),
};

let store: GraphStore;
beforeAll(async () => {
  store = await connectTestStore();
  await store.write(
    batch(
      [
        node({ id: ids.old, kind: 'BaseModel', name: 'Old', releasedAt: '2011-01-01' }),
        node({ id: ids.next, kind: 'BaseModel', name: 'Next', releasedAt: '2012-07-01' }),
        node({ id: ids.chat, kind: 'Deployment', name: 'Chat', releasedAt: '2011-03-01' }),
        node({
          id: ids.flaw,
          kind: 'Defect',
          name: 'Old flaw',
          category: 'JAILBREAK',
          severity: 'HIGH',
          disclosedAt: '2011-06-01',
        }),
      ],
      [
        link('DEPLOYS', ids.chat, ids.old, { validFrom: '2011-03-01', validTo: '2012-07-18' }),
        link('DEPLOYS', ids.chat, ids.next, { validFrom: '2012-07-18' }),
        link('AFFECTS', ids.flaw, ids.old),
      ],
    ),
    { by: 'test', action: 'test', summary: `cli as-of ${ns.token}` },
  );
});
afterAll(async () => {
  await store?.close();
});

interface ImpactJson {
  asOf: string;
  exposed: { id: string; level: string; path: string[] }[];
}

const exposedIds = (stdout: string) =>
  (JSON.parse(stdout) as ImpactJson).exposed.map((row) => row.id);

describe('lineage impact --as-of', () => {
  it('reaches the product while it ran the flawed model, and not after it switched', async () => {
    const during = await lineage('impact', ids.flaw, '--as-of', '2012-01-01', '--json');
    expect(during.code, during.stderr).toBe(0);
    expect((JSON.parse(during.stdout) as ImpactJson).asOf).toBe('2012-01-01');
    // The origin itself (CONFIRMED), then the product.
    expect(exposedIds(during.stdout)).toEqual([ids.old, ids.chat]);
    expect(during.stderr).toContain('as of 2012-01-01: exposed: 2');

    // The last day it ran `old`, and the first day it no longer did.
    const lastDay = await lineage('impact', ids.flaw, '--as-of', '2012-07-17', '--json');
    expect(exposedIds(lastDay.stdout)).toEqual([ids.old, ids.chat]);
    const switched = await lineage('impact', ids.flaw, '--as-of', '2012-07-18', '--json');
    expect(switched.code, switched.stderr).toBe(0);
    expect(exposedIds(switched.stdout)).toEqual([ids.old]);

    // Without --as-of: today, long after the switch.
    const today = await lineage('impact', ids.flaw, '--json');
    expect(exposedIds(today.stdout)).toEqual([ids.old]);
    expect((JSON.parse(today.stdout) as ImpactJson).asOf).toBe(
      new Date().toISOString().slice(0, 10),
    );
  });

  it('with --disclosed-only, reaches nothing before the disclosure', async () => {
    const before = ['impact', ids.flaw, '--as-of', '2011-05-31', '--json'];
    expect(exposedIds((await lineage(...before)).stdout)).toEqual([ids.old, ids.chat]);
    const undisclosed = await lineage(...before, '--disclosed-only');
    expect(undisclosed.code, undisclosed.stderr).toBe(0);
    expect(exposedIds(undisclosed.stdout)).toEqual([]);
    const disclosed = await lineage(
      'impact',
      ids.flaw,
      '--as-of',
      '2011-06-01',
      '--disclosed-only',
      '--json',
    );
    expect(exposedIds(disclosed.stdout)).toEqual([ids.old, ids.chat]);
  });

  it('before the product launched, the defect reaches only its origin', async () => {
    const result = await lineage('impact', ids.flaw, '--as-of', '2011-02-28', '--json');
    expect(exposedIds(result.stdout)).toEqual([ids.old]);
  });

  it('what-if takes --as-of too', async () => {
    const args = ['what-if', ids.next, '--category', 'JAILBREAK', '--json', '--as-of'];
    expect(exposedIds((await lineage(...args, '2013-01-01')).stdout)).toEqual([ids.next, ids.chat]);
    // Before `next` was released, a defect on it reaches nothing, itself included.
    expect(exposedIds((await lineage(...args, '2012-01-01')).stdout)).toEqual([]);
  });
});

interface ExposureJson {
  defectId: string;
  since: string | null;
  row: { level: string };
  windows: { from: string | null; to: string | null; level: string; path: string[] }[];
}

describe('lineage exposure', () => {
  it('states the window over which the defect reached the product', async () => {
    const json = await lineage('exposure', ids.chat, '--as-of', '2012-01-01', '--json');
    expect(json.code, json.stderr).toBe(0);
    const rows = JSON.parse(json.stdout) as ExposureJson[];
    expect(rows.map((r) => r.defectId)).toEqual([ids.flaw]);
    expect(rows[0]!.since).toBe('2011-03-01');
    expect(rows[0]!.windows).toEqual([
      {
        from: '2011-03-01',
        to: '2012-07-18',
        level: 'CERTAIN',
        mitigated: false,
        path: [ids.old, ids.chat],
      },
    ]);

    const table = await lineage('exposure', ids.chat, '--as-of', '2012-01-01');
    expect(table.stdout).toMatch(/since\s+windows/);
    expect(table.stdout).toContain('2011-03-01 to 2012-07-18 CERTAIN');
    expect(table.stderr).toContain(`as of 2012-01-01: 1 defect(s) reach ${ids.chat}`);
  });

  it('after the switch, and before the disclosure with --disclosed-only, lists nothing', async () => {
    const after = await lineage('exposure', ids.chat, '--as-of', '2013-01-01', '--json');
    expect(JSON.parse(after.stdout)).toEqual([]);
    const undisclosed = await lineage(
      'exposure',
      ids.chat,
      '--as-of',
      '2011-04-01',
      '--disclosed-only',
      '--json',
    );
    expect(JSON.parse(undisclosed.stdout)).toEqual([]);
  });

  it('check --as-of fails on the day the product ran the flawed model, passes after', async () => {
    const during = await lineage('check', ids.chat, '--as-of', '2012-01-01');
    expect(during.code).toBe(1);
    expect(during.stderr).toContain('as of 2012-01-01');
    const after = await lineage('check', ids.chat, '--as-of', '2013-01-01');
    expect(after.code, after.stderr).toBe(0);
  });
});

interface CycloneDx {
  metadata?: { properties?: { name: string; value: string }[] };
  components?: { name: string; 'bom-ref': string }[];
  vulnerabilities?: { id: string }[];
}

describe('lineage bom --as-of', () => {
  it('lists what the product was built on that day, and the defects reaching it then', async () => {
    const refs = (bom: CycloneDx) => JSON.stringify(bom.components ?? []);
    const during = await lineage('bom', ids.chat, '--as-of', '2012-01-01');
    expect(during.code, during.stderr).toBe(0);
    const bomDuring = JSON.parse(during.stdout) as CycloneDx;
    expect(refs(bomDuring)).toContain(ids.old);
    expect(refs(bomDuring)).not.toContain(ids.next);
    expect(JSON.stringify(bomDuring.vulnerabilities ?? [])).toContain(ids.flaw);
    expect(during.stderr).toContain('as of 2012-01-01');
    // The document itself says which day it describes.
    expect(bomDuring.metadata?.properties).toContainEqual({
      name: 'lineage:as-of',
      value: '2012-01-01',
    });

    const after = await lineage('bom', ids.chat, '--as-of', '2013-01-01');
    const bomAfter = JSON.parse(after.stdout) as CycloneDx;
    expect(refs(bomAfter)).toContain(ids.next);
    expect(refs(bomAfter)).not.toContain(ids.old);
    expect(JSON.stringify(bomAfter.vulnerabilities ?? [])).not.toContain(ids.flaw);
  });
});

interface DiffJson {
  from: string;
  to: string;
  relationships: {
    change: string;
    on: string;
    relationship: { type: string; from: string; to: string };
  }[];
  exposures: { change: string; defectId: string; deploymentId: string; level: string }[];
}

describe('lineage diff', () => {
  it('lists the switch and the exposure it closed', async () => {
    const result = await lineage('diff', '--from', '2012-07-01', '--to', '2012-08-01', '--json');
    expect(result.code, result.stderr).toBe(0);
    const diff = JSON.parse(result.stdout) as DiffJson;
    expect([diff.from, diff.to]).toEqual(['2012-07-01', '2012-08-01']);
    const ours = diff.relationships
      .filter((c) => c.relationship.from === ids.chat)
      .map((c) => `${c.on} ${c.change} ${c.relationship.type} ${c.relationship.to}`);
    expect(ours.sort()).toEqual([
      `2012-07-18 BEGAN DEPLOYS ${ids.next}`,
      `2012-07-18 ENDED DEPLOYS ${ids.old}`,
    ]);
    expect(diff.exposures.filter((e) => e.deploymentId === ids.chat)).toEqual([
      { change: 'CLOSED', defectId: ids.flaw, deploymentId: ids.chat, level: 'CERTAIN' },
    ]);

    const table = await lineage('diff', '--from', '2012-07-01', '--to', '2012-08-01');
    expect(table.stdout).toMatch(new RegExp(`2012-07-18\\s+ENDED\\s+DEPLOYS\\s+${ids.chat}`));
    expect(table.stdout).toMatch(new RegExp(`CLOSED\\s+${ids.flaw}\\s+CERTAIN\\s+${ids.chat}`));
    const csv = await lineage('diff', '--from', '2012-07-01', '--to', '2012-08-01', '--csv');
    expect(csv.stdout.split(/\r?\n/)[0]).toBe(
      'what,change,on,type,from,to,defect,level,deployment',
    );
    expect(csv.stdout).toContain(`exposure,CLOSED,,,,,${ids.flaw},CERTAIN,${ids.chat}`);
  });

  it('counts a change on --to, not on --from: the period is (from, to]', async () => {
    const ours = async (from: string, to: string) => {
      const diff = JSON.parse(
        (await lineage('diff', '--from', from, '--to', to, '--json')).stdout,
      ) as DiffJson;
      return diff.relationships.filter((c) => c.relationship.from === ids.chat).length;
    };
    expect(await ours('2012-07-17', '2012-07-18')).toBe(2);
    expect(await ours('2012-07-18', '2012-07-19')).toBe(0);
  });
});

describe('dates given badly', () => {
  it.each([
    [['impact', 'ID', '--as-of', '2012-02-30'], '--as-of', '2012-02-30'],
    [['what-if', 'ID', '--category', 'JAILBREAK', '--as-of', 'yesterday'], '--as-of', 'yesterday'],
    [['exposure', 'ID', '--as-of', '2012/01/01'], '--as-of', '2012/01/01'],
    [['check', 'ID', '--as-of', '12-01-01'], '--as-of', '12-01-01'],
    [['bom', 'ID', '--as-of', '2012-13-01'], '--as-of', '2012-13-01'],
    [['diff', '--from', '2012-1-1', '--to', '2013-01-01'], '--from', '2012-1-1'],
    [['diff', '--from', '2012-01-01', '--to', '2013-02-29'], '--to', '2013-02-29'],
  ])('%j is refused, naming the option and the text', async (args, option, text) => {
    const result = await lineage(...args.map((arg) => (arg === 'ID' ? ids.chat : arg)));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${option} takes a calendar date written YYYY-MM-DD, not '${text}'`,
    );
    expect(result.stdout).toBe('');
  });

  it('diff refuses --to on or before --from, and needs both', async () => {
    const backwards = await lineage('diff', '--from', '2013-01-01', '--to', '2012-01-01');
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain('--to (2012-01-01) must be after --from (2013-01-01)');
    const same = await lineage('diff', '--from', '2013-01-01', '--to', '2013-01-01');
    expect(same.code).toBe(1);
    const missing = await lineage('diff', '--from', '2013-01-01');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("required option '--to <date>' not specified");
  });
});

describe('help', () => {
  it.each([
    ['impact', ['--as-of <date>', '--disclosed-only']],
    ['what-if', ['--as-of <date>']],
    ['exposure', ['--as-of <date>', '--disclosed-only', 'windows']],
    ['check', ['--as-of <date>', '--disclosed-only']],
    ['bom', ['--as-of <date>']],
    ['diff', ['--from <date>', '--to <date>', '--json', '--csv']],
  ])('%s --help names its time options', async (command, options) => {
    const help = await lineage(command, '--help');
    expect(help.code).toBe(0);
    for (const option of options) expect(help.stdout).toContain(option);
    expect(help.stdout).toContain('YYYY-MM-DD');
  });

  it('lists diff among the commands', async () => {
    expect((await lineage('--help')).stdout).toMatch(/^\s+diff \[options\]/m);
  });
});
