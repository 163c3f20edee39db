import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DomainError, NodeKind } from '@lineage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
import { planImport, type ImportFormat } from './plan-import';
import type { NodeLookup, StoredCandidate } from './plan';

// Every file here is refused while it is read, before reconciliation asks the store anything:
// a lookup that knows no node is all these imports may reach.
const knowsNothing: NodeLookup = {
  matchNames: async () => new Map<string, StoredCandidate[]>(),
  kindsOf: async () => new Map<string, NodeKind>(),
  storedIdsFolded: async () => new Map<string, { id: string; kind: NodeKind }>(),
  reviewDecisions: async () => [],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-hostile-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  const error = (await run().then(
    () => undefined,
    (e: unknown) => e,
  )) as DomainError | undefined;
  expect(error, 'the import was not refused').toBeDefined();
  expect(error!.code, String(error)).toBe('VALIDATION');
  return error!;
}
const planOf = (format: ImportFormat, ...inputs: string[]) =>
  refusal(() => planImport(format, inputs, knowsNothing));

/** A CycloneDX document whose one model has `depth` generations of pedigree ancestors. */
function deepPedigree(depth: number): string {
  const component = (i: number) =>
    `{"type":"machine-learning-model","bom-ref":"m${i}","name":"m${i}"`;
  let text = '';
  for (let i = 0; i < depth; i++) text += `${component(i)},"pedigree":{"ancestors":[`;
  text += `${component(depth)}}`;
  text += ']}}'.repeat(depth);
  return `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[${text}]}`;
}

describe('hostile import files', () => {
  it('refuses a 10,000-deep CycloneDX pedigree without overflowing the stack', async () => {
    const file = path.join(dir, 'deep.cdx.json');
    await writeFile(file, deepPedigree(10_000));
    expect(await detectFormat(file)).toBe('cyclonedx');
    const error = await planOf('cyclonedx', file);
    expect(error.message).toMatch(/^deep\.cdx\.json: nested deeper than 200 levels/);
  });

  it('refuses a pedigree deeper than any lineage even when its JSON nests less than the limit', async () => {
    const file = path.join(dir, 'pedigree.cdx.json');
    await writeFile(file, deepPedigree(60));
    const error = await planOf('cyclonedx', file);
    expect(error.message).toMatch(/^pedigree\.cdx\.json: components.*nest deeper than 50 levels/);
  });

  it('judges a directory named x.csv by what it holds, and refuses it as a file', async () => {
    const csv = path.join(dir, 'x.csv');
    await mkdir(csv);
    expect((await refusal(() => detectFormat(csv))).message).toMatch(
      /x\.csv: cannot tell its format \(an empty directory\)/,
    );
    expect((await planOf('hf-tree', csv)).message).toMatch(
      /x\.csv: a directory, where a file was expected/,
    );
    expect((await planOf('cyclonedx', csv)).message).toMatch(
      /x\.csv: a directory, where a file was expected/,
    );
  });

  it('never opens a FIFO: refused at once, whatever the format', async () => {
    const fifo = path.join(dir, 'edges.csv');
    execFileSync('mkfifo', [fifo]);
    try {
      // Reading a FIFO with no writer would block forever: the test would time out.
      expect((await refusal(() => detectFormat(fifo))).message).toMatch(
        /edges\.csv: not a regular file \(a FIFO/,
      );
      for (const format of ['hf-tree', 'cyclonedx', 'backup', 'ecosystem-graphs'] as const)
        expect((await planOf(format, fifo)).message).toMatch(/edges\.csv: not a regular file/);
    } finally {
      await rm(fifo);
    }
  });

  it('refuses a symlink to a system file, and a .. symlink inside an AVID folder', async () => {
    const link = path.join(dir, 'passwd.csv');
    await symlink('/etc/passwd', link);
    expect((await planOf('hf-tree', link)).message).toMatch(
      /passwd\.csv: a symlink to \/etc\/passwd, outside /,
    );
    const reports = path.join(dir, 'avid', 'reports');
    await mkdir(path.join(reports, '2026'), { recursive: true });
    await writeFile(path.join(reports, '2026', 'AVID-2026-R0001.json'), avidReport('R0001'));
    // A link back into the folder is harmless (directory links are never followed); one that
    // climbs out of it is refused, whatever its name.
    await symlink('..', path.join(reports, '2026', 'back'));
    await symlink('../..', path.join(reports, '2026', 'up'));
    expect((await planOf('avid', reports)).message).toMatch(/2026\/up: a symlink to .*, outside /);
    await rm(link);
  });

  it('refuses a JSON key given twice, in each JSON format', async () => {
    const avid = path.join(dir, 'twice-avid');
    await mkdir(avid);
    await writeFile(
      path.join(avid, 'AVID-2026-R0002.json'),
      avidReport('R0002').replace('"reported_date"', '"data_type": "AVID", "reported_date"'),
    );
    expect((await planOf('avid', avid)).message).toMatch(
      /AVID-2026-R0002\.json:\d+: the key "data_type" appears twice in one object/,
    );
    const cards = path.join(dir, 'cards.jsonl');
    await writeFile(
      cards,
      '{"id":"a/b","base_model":"c/d"}\n{"id":"a/e","base_model":"c/d","id":"x/y"}\n',
    );
    expect((await planOf('hf-cards', cards)).message).toMatch(
      /cards\.jsonl:2: the key "id" appears twice/,
    );
    const bom = path.join(dir, 'twice.cdx.json');
    await writeFile(bom, '{"bomFormat":"CycloneDX","specVersion":"1.6","specVersion":"1.4"}');
    expect((await planOf('cyclonedx', bom)).message).toMatch(
      /twice\.cdx\.json: the key "specVersion" appears twice/,
    );
  });

  it('reports a record that does not fit the schema as file:line: path: message, never a raw ZodError', async () => {
    const cards = path.join(dir, 'long.jsonl');
    const card = (id: string, license: string) =>
      JSON.stringify({ id, base_model: 'owner/base', license });
    await writeFile(cards, `${card('owner/a', 'mit')}\n${card('owner/b', 'm'.repeat(600))}\n`);
    const error = await planOf('hf-cards', cards);
    expect(error.name).toBe('DomainError');
    expect(error.message).toMatch(/long\.jsonl:2: the record does not fit/);
    expect(error.message).toMatch(/\n {2}- long\.jsonl:2: license: /);
  });

  it('detects Ecosystem Graphs in a directory of YAML, and refuses a directory of nothing it knows', async () => {
    const eg = path.join(dir, 'ecosystem-graphs');
    await mkdir(path.join(eg, 'assets'), { recursive: true });
    await writeFile(
      path.join(eg, 'assets', 'lab.yaml'),
      '- type: model\n  name: Lab Model\n  organization: Lab\n  dependencies: []\n',
    );
    expect(await detectFormat(eg)).toBe('ecosystem-graphs');
    expect(await detectFormat(path.join(eg, 'assets'))).toBe('ecosystem-graphs');
    const plan = await planImport('ecosystem-graphs', [path.join(eg, 'assets')], knowsNothing);
    expect(plan.records).toBe(1);

    const other = path.join(dir, 'other');
    await mkdir(other);
    await writeFile(path.join(other, 'notes.txt'), 'hello');
    expect((await refusal(() => detectFormat(other))).message).toMatch(
      /other: cannot tell its format \(a directory without AVID reports/,
    );
  });
});

function avidReport(id: string): string {
  return JSON.stringify(
    {
      data_type: 'AVID',
      metadata: { report_id: `AVID-2026-${id}` },
      affects: { developer: [], deployer: [], artifacts: [{ type: 'Model', name: 'x' }] },
      reported_date: '2026-01-01',
    },
    null,
    2,
  );
}
