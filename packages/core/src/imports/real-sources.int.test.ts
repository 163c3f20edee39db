import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameKey, type DomainError } from '@lineage/domain';
import type { GraphStore } from '@lineage/graph-store';
import { startOwnStore, type OwnStore } from '@lineage/graph-store/testing';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'yaml';
import {
  AVID_CATEGORIES,
  BackupWriter,
  organisations,
  buildBom,
  planImport,
  readSeed,
  validateBom,
  type ImportFormat,
} from '@lineage/importers';
import { realData } from '@lineage/importers/testing';
import { billOfMaterials } from '../bill-of-materials/bill-of-materials';
import { ImpactService } from '../impact/impact-service';
import { ImportService } from './import-service';

// The real sources (../shared/data, or LINEAGE_REAL_DATA); each block skips, with a notice,
// where its source is absent. The fixtures test covers every parser on any clone.
const egDir = realData('ecosystem-graphs/assets', 'the Ecosystem Graphs import test');
const hfEdges = realData('hf-model-tree/edges.csv', 'the HF model tree import test');
const avidReports = realData('avid/reports', 'the AVID import test');
const jbbDir = realData('jailbreakbench', 'the JailbreakBench import test');
const change = (summary: string) => ({ by: 'test', action: 'import', summary });

// A Neo4j of this file's own: what is counted here is only what these imports wrote.
let own: OwnStore;
let store: GraphStore;
beforeAll(async () => {
  // The HF tree is one transaction (chunked imports are issue 14): with the provenance of every
  // record it needs more than Neo4j's default 512 MiB, as `lineage start` now allows (1g).
  own = await startOwnStore({ heap: '2g', pageCache: '512m', transactionMax: '1g' });
  store = own.store;
});
afterAll(async () => {
  await own?.stop();
});

const value = (field: unknown) =>
  field && typeof field === 'object' && 'value' in field
    ? (field as { value: unknown }).value
    : field;

describe.skipIf(!egDir)('Stanford Ecosystem Graphs', () => {
  it('imports every asset, types dependencies, refuses cycles, and a second import changes nothing', async () => {
    const files = (await readdir(egDir!))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(egDir!, f));
    // Figures computed from the raw files, independently of the importer.
    const assets: { type: string; name: string; org: string; deps: string[] }[] = [];
    for (const file of files) {
      for (const asset of (parse(await readFile(file, 'utf8')) ?? []) as Record<
        string,
        unknown
      >[]) {
        assets.push({
          type: String(value(asset.type)),
          name: String(value(asset.name)),
          org: String(value(asset.organization)),
          deps: ((value(asset.dependencies) ?? []) as unknown[]).map((d) => String(value(d))),
        });
      }
    }
    // Organisations are one through the curated table ("InternLM" is Shanghai AI Laboratory's).
    const organisationOf = (org: string) =>
      organisations.named(org)?.providerId ?? org.toLowerCase();
    const identities = (type: string) =>
      new Set(
        assets
          .filter((a) => a.type === type)
          .map((a) => `${organisationOf(a.org)}|${a.name.toLowerCase()}`),
      ).size;
    // The documented rule: a dependency names an asset by its exact name, else by its normalised one.
    const byName = new Map<string, Set<string>>();
    const byKey = new Map<string, Set<string>>();
    for (const a of assets) {
      byName.set(a.name, (byName.get(a.name) ?? new Set()).add(`${a.org}|${a.name}`.toLowerCase()));
      byKey.set(
        nameKey(a.name),
        (byKey.get(nameKey(a.name)) ?? new Set()).add(`${a.org}|${a.name}`),
      );
    }
    const references = assets.flatMap((a) =>
      a.deps.map((d) => ({
        from: `${a.org}|${a.name}`,
        to: byName.get(d) ?? byKey.get(nameKey(d)),
      })),
    );
    const unresolved = references.filter((r) => !r.to).length;
    const resolved = references.filter((r) => r.to?.size === 1);

    const plan = await planImport('ecosystem-graphs', files, store);
    const reversed = await planImport('ecosystem-graphs', [...files].reverse(), store);
    expect(reversed.notes.cycles).toEqual(plan.notes.cycles);
    expect(reversed.batch.relationships.length).toBe(plan.batch.relationships.length);

    expect(plan.records).toBe(assets.length);
    expect(plan.notes.unresolved).toHaveLength(unresolved);
    expect(plan.notes.selfLoops).toHaveLength(1);
    expect(plan.notes.selfLoops[0]).toMatch(/vima/i);
    // Two cycles through Anthropic's human-feedback interface: every one of their edges refused.
    expect(plan.notes.cycles).toHaveLength(5);
    const lineage = plan.batch.relationships.filter(
      (r) => !['DEVELOPED_BY', 'OPERATED_BY'].includes(r.type),
    );
    expect(lineage).toHaveLength(
      new Set(resolved.map((r) => `${r.from}>${[...r.to!][0]}`)).size - 1 - 5,
    );
    expect(lineage.filter((r) => r.type === 'DEPLOYS').length).toBeGreaterThan(0);
    expect(lineage.filter((r) => r.type === 'TRAINED_ON').length).toBeGreaterThan(0);

    const report = await store.write(plan.batch, change('ecosystem graphs'));
    const counts = await store.countByKind();
    expect(counts.Deployment).toBe(identities('application'));
    expect(counts.Dataset).toBe(identities('dataset'));
    expect(counts.BaseModel + counts.FineTune).toBe(identities('model'));
    expect(counts.Provider).toBe(new Set(assets.map((a) => organisationOf(a.org))).size);
    const hash = await store.graphHash();

    const again = await planImport('ecosystem-graphs', files, store);
    const second = await store.write(again.batch, change('ecosystem graphs again'));
    expect({ nodes: second.nodes, relationships: second.relationships }).toMatchObject({
      nodes: { created: 0, updated: 0 },
      relationships: { created: 0, updated: 0 },
    });
    expect(second.changed).toBe(false);
    expect(again.linked).toBe(assets.length);
    expect(await store.graphHash()).toEqual(hash);
    expect(report.nodes.created).toBe(plan.batch.nodes.length);
  });
});

describe.skipIf(!hfEdges)('the Hugging Face model tree', () => {
  const csv = hfEdges!;

  it('imports every model and typed edge, refuses self-parents, and re-imports unchanged', async () => {
    // csv-parse, not the importer's own split: the oracle must not share the parser under test.
    const rows: string[][] = parseCsv(await readFile(csv, 'utf8'), {
      from_line: 2,
      skip_empty_lines: true,
      trim: true,
    });
    // The hub resolves repo ids without case: spellings that differ only in case are one repo.
    const fold = (repo: string) => repo.toLowerCase();
    const repos = new Set(rows.flatMap(([parent, child]) => [fold(parent!), fold(child!)]));
    const selfParents = rows.filter(([parent, child]) => parent === child).length;
    const edges = new Set(
      rows.filter(([p, c]) => p !== c).map(([p, c, e]) => `${fold(c!)}|${e}|${fold(p!)}`),
    );

    const before = await store.countByKind();
    const plan = await planImport('hf-tree', [csv], store);
    expect(plan.notes.selfLoops).toHaveLength(selfParents);
    const lineage = plan.batch.relationships.filter((r) => r.type !== 'DEVELOPED_BY');
    expect(lineage.filter((r) => r.declared !== false)).toHaveLength(edges.size);
    // Re-uploads tied to the vendor's model: inferred from names, never declared, each listed.
    const ties = lineage.filter((r) => r.declared === false);
    expect(ties.length).toBeGreaterThan(0);
    for (const tie of ties) {
      expect(['REUPLOAD_OF', 'QUANTIZED_FROM']).toContain(tie.type);
      expect(tie.matchedBy).toBe('inferred');
      expect(plan.notes.remarks).toContainEqual(
        expect.stringContaining(`re-upload: ${tie.from} ${tie.type} ${tie.to}`),
      );
    }
    expect(ties.map((r) => `${r.from} ${r.type} ${r.to}`)).toContain(
      'model:unsloth/llama-3-8b-Instruct-bnb-4bit QUANTIZED_FROM model:meta-llama/Meta-Llama-3-8B-Instruct',
    );
    await store.write(plan.batch, change('hf tree'));
    const after = await store.countByKind();
    const models = (c: typeof after) =>
      c.BaseModel + c.FineTune + c.Quantization + c.Merge + c.Adapter + c.Distillation;
    // Ecosystem Graphs names few models exactly as the hub does: those are linked, not added.
    expect(models(after) - models(before)).toBe(repos.size - plan.linked);
    const hash = await store.graphHash();
    const again = await planImport('hf-tree', [csv], store);
    expect((await store.write(again.batch, change('hf tree again'))).changed).toBe(false);
    expect(await store.graphHash()).toEqual(hash);
  });

  it("exposes Llama-2-7b-chat-hf's 47 descendants to a JailbreakBench-style defect, quantizations CERTAIN", async () => {
    // csv-parse, not the importer's own split: the oracle must not share the parser under test.
    const rows: string[][] = parseCsv(await readFile(csv, 'utf8'), {
      from_line: 2,
      skip_empty_lines: true,
      trim: true,
    });
    const children = new Map<string, string[]>();
    for (const [parent, child] of rows)
      if (parent !== child) children.set(parent!, [...(children.get(parent!) ?? []), child!]);
    const descendants = new Set<string>();
    const queue = ['meta-llama/Llama-2-7b-chat-hf'];
    while (queue.length)
      for (const child of children.get(queue.shift()!) ?? [])
        if (!descendants.has(child)) queue.push(descendants.add(child) && child);
    expect(descendants.size).toBe(47);

    const { view } = await new ImpactService(store).whatIf(
      'model:meta-llama/Llama-2-7b-chat-hf',
      'JAILBREAK',
      [],
    );
    const exposed = view.page({}, 0, 10_000).rows.filter((row) => row.level !== 'CONFIRMED');
    const declared = new Set([...descendants].map((repo) => `model:${repo}`));
    for (const id of declared) expect(exposed.map((row) => row.id)).toContain(id);
    // Beyond the tree's own edges, only re-uploads of it and their descendants: reached through
    // an inferred tie, so at most LIKELY.
    const throughTies = exposed.filter((row) => !declared.has(row.id));
    expect(throughTies.map((row) => row.id)).toContain('model:NousResearch/Llama-2-7b-chat-hf');
    for (const row of throughTies) expect(row.level, row.id).not.toBe('CERTAIN');
    const quantized = rows
      .filter(([p, , e]) => p === 'meta-llama/Llama-2-7b-chat-hf' && e === 'quantized')
      .map(([, c]) => `model:${c}`);
    expect(quantized.length).toBeGreaterThan(0);
    for (const id of quantized) expect(exposed.find((row) => row.id === id)?.level).toBe('CERTAIN');
  });
});

describe.skipIf(!avidReports)('AVID reports', () => {
  const reportsDir = avidReports!;

  it('files reports on every stored model they name, keeps software flaws and passed runs as remarks, and maps every effect code', async () => {
    const files = (await readdir(reportsDir, { recursive: true })).filter((f) =>
      f.endsWith('.json'),
    );
    const reports = await Promise.all(
      files.map(async (f) => JSON.parse(await readFile(path.join(reportsDir, f), 'utf8'))),
    );
    const codes = new Set(
      reports.flatMap((r) => r.impact?.avid?.sep_view ?? []).map((s: string) => s.split(':')[0]),
    );
    for (const code of codes) expect(AVID_CATEGORIES).toHaveProperty(code as string);
    // Figures computed from the raw files, independently of the importer: garak runs whose
    // every detector passed every attempt measured no failure.
    type GarakRow = { passed: number; total_evaluated: number };
    const garakRows = (r: { metrics?: { results?: { rows?: GarakRow[] } }[] }) =>
      (r.metrics ?? []).flatMap((m) => m.results?.rows ?? []);
    const allPassed = new Set(
      reports
        .filter((r) => {
          const rows = garakRows(r);
          return rows.length > 0 && rows.every((row) => row.passed === row.total_evaluated);
        })
        .map((r) => r.metadata.report_id as string),
    );
    expect(allPassed.size).toBeGreaterThan(0);
    const cves = reports.filter((r) => r.problemtype?.classof === 'CVE Entry');
    const onMistralSmall = reports.filter(
      (r) =>
        !allPassed.has(r.metadata.report_id) &&
        r.affects.artifacts.some(
          (a: { name: string }) => a.name === 'Mistral-Small-24B-Instruct-2501',
        ),
    );
    expect(onMistralSmall.length).toBeGreaterThan(0);

    const plan = await planImport('avid', [reportsDir], store);
    expect(plan.records).toBe(reports.length);
    const filed = new Set(
      plan.batch.relationships.filter((r) => r.type === 'AFFECTS').map((r) => r.from),
    );
    const remarked = new Set(plan.notes.remarks.map((line) => line.split(':')[0]!));
    // Every report is filed or listed with its reason, never both.
    for (const report of reports) {
      const id = report.metadata.report_id as string;
      expect(filed.has(`defect:${id}`) !== remarked.has(id), id).toBe(true);
    }
    for (const id of allPassed) expect(filed.has(`defect:${id}`), id).toBe(false);
    for (const cve of cves) expect(filed.has(`defect:${cve.metadata.report_id}`)).toBe(false);
    expect(filed.has('defect:AVID-2023-R0003')).toBe(false);
    // A title that says jailbreak is filed JAILBREAK.
    for (const node of plan.batch.nodes)
      if (/jailbreak/i.test(node.name))
        expect(node, node.id).toMatchObject({ category: 'JAILBREAK' });

    await store.write(plan.batch, change('avid'));
    const affected = await store.defectsWithOriginsIn([
      'model:mistralai/Mistral-Small-24B-Instruct-2501',
    ]);
    for (const report of onMistralSmall) {
      expect(affected.map((d) => d.defect.id)).toContain(`defect:${report.metadata.report_id}`);
    }
    const hash = await store.graphHash();
    const again = await planImport('avid', [reportsDir], store);
    expect((await store.write(again.batch, change('avid again'))).changed).toBe(false);
    expect(await store.graphHash()).toEqual(hash);
  });
});

describe.skipIf(!jbbDir || !hfEdges)('JailbreakBench results', () => {
  // The repos JailbreakBench loads its open targets from (its README links them).
  const hubRepo: Record<string, string> = {
    'llama-2-7b-chat-hf': 'meta-llama/Llama-2-7b-chat-hf',
    'vicuna-13b-v1.5': 'lmsys/vicuna-13b-v1.5',
  };

  it('files each attack method as a defect on the stored targets it jailbreaks, and re-imports unchanged', async () => {
    const table = async (file: string) =>
      (await readFile(path.join(jbbDir!, file), 'utf8'))
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(','));
    const runs = await table('jbb_attack_summary.csv');
    const outcomes = await table('jbb_jailbreak_outcomes.csv');
    const hubRepos = new Set(
      (await readFile(hfEdges!, 'utf8')).split(/[\n,]/).map((cell) => cell.trim()),
    );
    // Independently: a run's rate is its share of jailbroken behaviours.
    const expected = new Map<string, Set<string>>();
    let unresolved = 0;
    for (const [method, model] of runs as [string, string][]) {
      const own = outcomes.filter(([m, t]) => m === method && t === model);
      const rate = own.filter((row) => row[6] === 'True').length / own.length;
      if (rate < 0.3) continue;
      const repo = hubRepo[model];
      if (!repo || !hubRepos.has(repo)) unresolved++;
      else expected.set(method, (expected.get(method) ?? new Set()).add(`model:${repo}`));
    }
    expect(expected.get('DSN')).toEqual(
      new Set(['model:meta-llama/Llama-2-7b-chat-hf', 'model:lmsys/vicuna-13b-v1.5']),
    );

    const plan = await planImport('jailbreakbench', [jbbDir!], store);
    expect(plan.records).toBe(runs.length);
    expect(plan.notes.unresolved).toHaveLength(unresolved);
    expect(plan.notes.ambiguous).toEqual([]);
    const filed = new Map<string, Set<string>>();
    for (const r of plan.batch.relationships.filter((r) => r.type === 'AFFECTS'))
      filed.set(r.from, (filed.get(r.from) ?? new Set()).add(r.to));
    expect(filed).toEqual(
      new Map(
        [...expected].map(([method, targets]) => [`defect:jbb-${method.toLowerCase()}`, targets]),
      ),
    );
    await store.write(plan.batch, change('jailbreakbench'));
    const hash = await store.graphHash();
    const again = await planImport('jailbreakbench', [jbbDir!], store);
    expect(again.linked).toBe(expected.size);
    expect((await store.write(again.batch, change('jailbreakbench again'))).changed).toBe(false);
    expect(await store.graphHash()).toEqual(hash);

    // The DSN attack reaches every descendant of Llama-2-7b-chat-hf in the hub's tree.
    const { view } = await new ImpactService(store).impactOfDefect('defect:jbb-dsn');
    const exposed = new Set(view.page({}, 0, 10_000).rows.map((row) => row.id));
    const children = new Map<string, string[]>();
    for (const [parent, child] of (await readFile(hfEdges!, 'utf8'))
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')))
      if (parent !== child) children.set(parent!, [...(children.get(parent!) ?? []), child!]);
    const queue = ['meta-llama/Llama-2-7b-chat-hf'];
    const descendants = new Set<string>();
    while (queue.length)
      for (const child of children.get(queue.shift()!) ?? [])
        if (!descendants.has(child)) queue.push(descendants.add(child) && child);
    expect(descendants.size).toBe(47);
    for (const repo of descendants) expect(exposed).toContain(`model:${repo}`);
  });
});

describe('a corrupted file of each format', () => {
  const cases: [string, ImportFormat, string, RegExp][] = [
    ['bad.yaml', 'ecosystem-graphs', '- type: model\n  name: [unclosed\n', /bad\.yaml:\d+: /],
    [
      'unknown-type.yaml',
      'ecosystem-graphs',
      '- type: robot\n  name: R2\n  organization: X\n',
      /unknown-type\.yaml:1: type must be/,
    ],
    [
      'edges.csv',
      'hf-tree',
      'source,target,edge\na/b,c/d,finetuned\na/b,c/e,grafted\n',
      /edges\.csv:3: unknown relation 'grafted'/,
    ],
    [
      'columns.csv',
      'hf-tree',
      'source,target,edge\na/b,c/d\n',
      /columns\.csv:2: expected 3 columns/,
    ],
    [
      'header.csv',
      'hf-tree',
      'parent,child,kind\na/b,c/d,finetuned\n',
      /header\.csv:1: expected the header/,
    ],
    [
      'cards.jsonl',
      'hf-cards',
      '{"id": "a/b", "base_model": "c/d"}\n{"id": "a/c", "base_model": \n',
      /cards\.jsonl:2: not JSON/,
    ],
    [
      'AVID-2026-R9999.json',
      'avid',
      '{"metadata": {"report_id": "AVID-2026-R9999"}, "affects": ',
      /AVID-2026-R9999\.json: not JSON/,
    ],
    [
      'jbb_attack_summary.csv',
      'jailbreakbench',
      'method,model,attack_type,defense,attack_success_rate,evaluation_date\nGCG,vicuna-13b-v1.5,white_box,,0.8,2024-03-18\nPAIR,vicuna-13b-v1.5,black_box,,1.7,2024-03-06\n',
      /jbb_attack_summary\.csv:3\.attack_success_rate: /,
    ],
    [
      'jbb_jailbreak_outcomes.csv',
      'jailbreakbench',
      'method,model,attack_type,index,behavior,category,jailbroken\nGCG,vicuna-13b-v1.5,white_box,0,Defamation\n',
      /jbb_jailbreak_outcomes\.csv: .*[Rr]ecord/,
    ],
    [
      'bom.json',
      'cyclonedx',
      '{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "robot"}]}',
      /bom\.json: not a valid CycloneDX 1\.6 document/,
    ],
    [
      'backup.jsonl',
      'backup',
      (() => {
        const writer = new BackupWriter();
        const giant = { id: 'model:a/b', kind: 'Giant', name: 'x' } as never;
        return writer.header(1, '') + writer.line({ node: giant }) + writer.trailer();
      })(),
      /backup\.jsonl:2: node\.kind/,
    ],
  ];

  it.each(cases)(
    '%s (%s) is refused, naming where, and nothing changes',
    async (file, format, text, problem) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'lineage-corrupt-'));
      try {
        await writeFile(path.join(dir, file), text);
        const before = await store.graphHash();
        const error = await planImport(format, [path.join(dir, file)], store).catch(
          (e: unknown) => e,
        );
        expect((error as DomainError).code).toBe('VALIDATION');
        expect((error as Error).message).toMatch(problem);
        expect(await store.graphHash()).toEqual(before);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('Hugging Face model cards', () => {
  it('reads base models and relations as the cards state them; several bases make a merge', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lineage-cards-'));
    try {
      const cards = [
        { id: 'cardtest/tuned', base_model: 'meta-llama/Llama-2-7b-chat-hf' },
        { id: 'cardtest/quant', base_model: 'cardtest/tuned', base_model_relation: 'quantized' },
        { id: 'cardtest/merged', base_model: ['cardtest/tuned', 'meta-llama/Llama-2-7b-hf'] },
      ];
      await writeFile(
        path.join(dir, 'cards.jsonl'),
        cards.map((c) => JSON.stringify(c)).join('\n'),
      );
      const plan = await planImport('hf-cards', [path.join(dir, 'cards.jsonl')], store);
      await store.write(plan.batch, change('cards'));
      expect(
        await store.kindsOf([
          'model:cardtest/tuned',
          'model:cardtest/quant',
          'model:cardtest/merged',
        ]),
      ).toEqual(
        new Map([
          ['model:cardtest/tuned', 'FineTune'],
          ['model:cardtest/quant', 'Quantization'],
          ['model:cardtest/merged', 'Merge'],
        ]),
      );
      const parents = (await store.outgoingOf(['model:cardtest/merged'])).get(
        'model:cardtest/merged',
      )!;
      expect(
        parents
          .filter((r) => r.type === 'MERGED_FROM')
          .map((r) => r.to)
          .sort(),
      ).toEqual(['model:cardtest/tuned', 'model:meta-llama/Llama-2-7b-hf']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('round trips into an empty database', () => {
  let other: OwnStore;
  let empty: GraphStore;
  beforeAll(async () => {
    other = await startOwnStore({ heap: '2g', transactionMax: '1g' });
    empty = other.store;
    // The seed after the imports, as a user may load it: ids the HF tree stored in another
    // letter case (deepseek-ai/deepseek-v3) take the stored spelling.
    const seed = await readSeed(fileURLToPath(new URL('../../../../seed', import.meta.url)));
    await new ImportService(store).seed(seed);
  });
  afterAll(async () => {
    await other?.stop();
  });

  it("gives back a seed deployment's upstream lineage from its CycloneDX BOM, which validates", async () => {
    const deployment = 'deployment:perplexity-ai/perplexity';
    const bom = buildBom(await billOfMaterials(store, deployment));
    expect(await validateBom(bom)).toBeNull();
    const parsed = JSON.parse(bom);
    expect(
      parsed.vulnerabilities.some(
        (v: { analysis: { state: string } }) => v.analysis.state === 'not_affected',
      ),
    ).toBe(true);

    const dir = await mkdtemp(path.join(tmpdir(), 'lineage-bom-'));
    try {
      await writeFile(path.join(dir, 'bom.json'), bom);
      const plan = await planImport('cyclonedx', [path.join(dir, 'bom.json')], empty);
      await empty.write(plan.batch, change('bom'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const lineageOf = async (s: GraphStore) => {
      const closure = await s.fetchClosure([deployment], 'UPSTREAM');
      return {
        nodes: closure.nodes.map((n) => `${n.id} ${n.kind}`).sort(),
        edges: closure.edges.map((e) => `${e.from} ${e.type} ${e.to} ${e.declared}`).sort(),
      };
    };
    const original = await lineageOf(store);
    expect(original.edges.length).toBeGreaterThan(1);
    expect(await lineageOf(empty)).toEqual(original);
  });

  it('restores a backup of the whole graph with the same graph hash', async () => {
    // A third database: the second one now holds what the BOM test imported.
    const dir = await mkdtemp(path.join(tmpdir(), 'lineage-backup-'));
    const third = await startOwnStore({ heap: '2g', transactionMax: '1g' });
    const restored = third.store;
    try {
      const file = path.join(dir, 'backup.jsonl');
      const writer = new BackupWriter();
      const lines = [writer.header(await store.graphVersion(), new Date().toISOString())];
      for await (const node of store.exportNodes()) lines.push(writer.line({ node }));
      for await (const relationship of store.exportRelationships())
        lines.push(writer.line({ relationship }));
      await writeFile(file, lines.join('') + writer.trailer());
      const plan = await planImport('backup', [file], restored);
      await restored.write(plan.batch, change('restore'));
      expect(await restored.graphHash()).toEqual(await store.graphHash());
    } finally {
      await third.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
