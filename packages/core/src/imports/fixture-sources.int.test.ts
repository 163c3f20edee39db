import { readFile } from 'node:fs/promises';
import type { GraphStore, StoredRelationship } from '@lineage/graph-store';
import { startOwnStore, type OwnStore } from '@lineage/graph-store/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFormat } from '@lineage/importers';
import { fixture } from '@lineage/importers/testing';
import { ImpactService } from '../impact/impact-service';
import { ImportService } from './import-service';

// Every parser on any clone: small files of our own in each source's real format (see
// fixtures/README.md), imported in the order a user would, into a Neo4j of this file's own.

let own: OwnStore;
let store: GraphStore;
beforeAll(async () => {
  own = await startOwnStore({ heap: '1g' });
  store = own.store;
});
afterAll(async () => {
  await own?.stop();
});

const importFiles = (format: ImportFormat, files: string[]) =>
  new ImportService(store).run(format, files, { by: 'test' });

async function lineageEdgesOf(ids: string[]): Promise<string[]> {
  const outgoing = await store.outgoingOf(ids);
  return [...outgoing.values()]
    .flat()
    .filter((r: StoredRelationship) => !['DEVELOPED_BY', 'OPERATED_BY'].includes(r.type))
    .map((r) => `${r.from} ${r.type} ${r.to}`)
    .sort();
}

const HF_RELATIONS: Record<string, string> = {
  finetuned: 'FINE_TUNED_FROM',
  quantized: 'QUANTIZED_FROM',
  merged: 'MERGED_FROM',
  adapter: 'ADAPTER_OF',
};

describe('sources in their real formats, from fixtures', () => {
  it('imports the HF model tree: typed edges, owners as providers, kinds from relations, no self-parent, case folded, a re-upload tied', async () => {
    const file = fixture('hf-model-tree/edges.csv');
    // The oracle reads the CSV with csv-parse, not with the importer's own reader.
    const rows = parse(await readFile(file, 'utf8'), { columns: true }) as {
      source: string;
      target: string;
      edge: string;
    }[];
    // The hub ignores case: each repo and owner stands for the first spelling of it in the file.
    const spelling = new Map<string, string>();
    const folded = (id: string) => {
      if (!spelling.has(id.toLowerCase())) spelling.set(id.toLowerCase(), id);
      return spelling.get(id.toLowerCase())!;
    };
    for (const r of rows) for (const repo of [r.source, r.target]) folded(repo);
    const expected = rows
      .filter((r) => r.source !== r.target)
      .map((r) => `model:${folded(r.target)} ${HF_RELATIONS[r.edge]} model:${folded(r.source)}`);
    // The one re-upload: a root named as a vendor's model with a quantization suffix.
    const reupload =
      'model:fixture-reuploader/Llama-2-7b-chat-hf-bnb-4bit QUANTIZED_FROM model:meta-llama/Llama-2-7b-chat-hf';
    const repos = [...new Set(rows.flatMap((r) => [r.source, r.target]).map(folded))];
    const owners = new Set(
      repos.map((repo) => folded(repo.slice(0, repo.indexOf('/'))).toLowerCase()),
    );
    const models = repos.map((m) => `model:${m}`);

    const { plan, report } = await importFiles('hf-tree', [file]);
    expect(plan.notes.selfLoops).toHaveLength(1);
    expect(plan.notes.remarks.join('\n')).toMatch(
      /model:Fixture-Org\/base-7b is folded into model:fixture-org\/Base-7B/,
    );
    expect(plan.notes.remarks.join('\n')).toMatch(/re-upload: .*fixture-reuploader/);
    expect(report.nodes.created).toBe(models.length + owners.size);
    expect(await lineageEdgesOf(models)).toEqual([...expected, reupload].sort());
    expect(Object.fromEntries(await store.kindsOf(models))).toEqual({
      'model:fixture-org/Base-7B': 'BaseModel',
      'model:fixture-org/Base-7B-Instruct': 'FineTune',
      'model:quanter/Base-7B-Instruct-GGUF': 'Quantization',
      'model:tuner/Base-7B-Instruct-lora': 'Adapter',
      'model:merger/Frankenmerge-7B': 'Merge',
      'model:other-org/Other-7B': 'BaseModel',
      'model:meta-llama/Llama-2-7b-chat-hf': 'BaseModel',
      'model:quanter/Llama-2-7b-chat-hf-GGUF': 'Quantization',
      'model:tuner/Base-7B-Case-Child': 'FineTune',
      'model:fixture-reuploader/Llama-2-7b-chat-hf-bnb-4bit': 'Quantization',
      'model:tuner/Llama-2-7b-chat-Reupload-Child': 'FineTune',
    });
    const outgoing = await store.outgoingOf([
      'model:quanter/Base-7B-Instruct-GGUF',
      'model:fixture-reuploader/Llama-2-7b-chat-hf-bnb-4bit',
    ]);
    const provider = outgoing
      .get('model:quanter/Base-7B-Instruct-GGUF')!
      .find((r) => r.type === 'DEVELOPED_BY');
    expect(provider?.to).toBe('provider:quanter');
    // Inferred from names: not declared, so it carries at most LIKELY.
    expect(
      outgoing
        .get('model:fixture-reuploader/Llama-2-7b-chat-hf-bnb-4bit')!
        .find((r) => r.type === 'QUANTIZED_FROM')?.declared,
    ).toBe(false);
    expect(await store.getEntity('model:tuner/Base-7B-Case-Child')).toMatchObject({
      origin: 'import',
      recordedFrom: 'hf-tree edges.csv:9',
    });

    const again = await importFiles('hf-tree', [file]);
    expect(again.report.changed).toBe(false);
  });

  it('imports model cards onto the tree: a base model with its licence, a stated relation, and several bases as a merge', async () => {
    const { report } = await importFiles('hf-cards', [fixture('hf-cards/cards.jsonl')]);
    expect(report.relationships.created).toBeGreaterThanOrEqual(5);
    expect(
      await lineageEdgesOf([
        'model:carder/Base-7B-Instruct-DPO',
        'model:carder/Base-7B-Instruct-AWQ',
        'model:carder/Two-Parent-Soup',
        'model:carder/Card-Base-3B-Instruct',
      ]),
    ).toEqual([
      'model:carder/Base-7B-Instruct-AWQ QUANTIZED_FROM model:carder/Base-7B-Instruct-DPO',
      'model:carder/Base-7B-Instruct-DPO FINE_TUNED_FROM model:fixture-org/Base-7B-Instruct',
      'model:carder/Card-Base-3B-Instruct FINE_TUNED_FROM model:fixture-org/Card-Base-3B',
      'model:carder/Two-Parent-Soup MERGED_FROM model:fixture-org/Base-7B-Instruct',
      'model:carder/Two-Parent-Soup MERGED_FROM model:other-org/Other-7B',
    ]);
    expect(await store.getEntity('model:fixture-org/Card-Base-3B')).toMatchObject({
      kind: 'BaseModel',
      license: 'apache-2.0',
      recordedFrom: 'hf-cards cards.jsonl:1',
    });
    expect(await store.getEntity('model:carder/Card-Base-3B-Instruct')).toMatchObject({
      license: 'fixture-community-license',
    });
  });

  it('imports Ecosystem Graphs assets: values or {value, explanation}, typed dependencies, unresolved names listed, cycles refused', async () => {
    const files = ['fixture-lab.yaml', 'fixture-apps.yaml'].map((f) =>
      fixture(`ecosystem-graphs/assets/${f}`),
    );
    const { plan } = await importFiles('ecosystem-graphs', files);
    expect(plan.records).toBe(6);
    expect(plan.notes.unresolved.join('\n')).toMatch(/A Model Nobody Published/);
    expect(plan.notes.cycles).toHaveLength(2);

    const byName = new Map<string, string>();
    for (const name of ['Fixture LM', 'Fixture Corpus', 'Fixture Chat', 'Fixture Assistant']) {
      const found = await store.findByName(name);
      expect(found, name).toHaveLength(1);
      byName.set(name, found[0]!.id);
    }
    const [lm, corpus, chat, assistant] = [...byName.values()];
    expect(Object.fromEntries(await store.kindsOf([lm!, corpus!, chat!, assistant!]))).toEqual({
      [lm!]: 'BaseModel',
      [corpus!]: 'Dataset',
      // The source does not say how a model derives from another: filed as a fine-tune whose
      // edge is DEPENDS_ON (transmitting at most POSSIBLE), not a guessed FINE_TUNED_FROM.
      [chat!]: 'FineTune',
      [assistant!]: 'Deployment',
    });
    expect(await lineageEdgesOf([lm!, chat!, assistant!])).toEqual(
      [
        `${assistant} DEPLOYS ${chat}`,
        `${chat} DEPENDS_ON ${lm}`,
        `${lm} TRAINED_ON ${corpus}`,
      ].sort(),
    );
    const stored = await store.getEntity(assistant!);
    expect(stored).toMatchObject({ monthlyActiveUsers: 12000, access: 'limited' });
    expect(await store.getEntity(lm!)).toMatchObject({ license: 'Apache 2.0' });
  });

  it('files an AVID report on every model its artifacts name; software flaws and runs that passed stay remarks', async () => {
    const { plan } = await importFiles('avid', [fixture('avid/reports')]);
    expect(plan.records).toBe(8);
    const remarks = plan.notes.remarks.join('\n');
    expect(remarks).toMatch(/AVID-2026-R9902: .*software.*fixture-python-package/);
    expect(remarks).toMatch(/AVID-2026-R9906: .*software.*'ChatGPT'/);
    expect(remarks).toMatch(/AVID-2026-R9904: .*every detector passed/);
    for (const notFiled of ['R9902', 'R9904', 'R9906'])
      expect(await store.getEntity(`defect:AVID-2026-${notFiled}`)).toBeUndefined();
    // GPT-4o and GPT-4o mini are not stored here: listed, not forced into another node.
    expect(plan.notes.unresolved.join('\n')).toMatch(/AVID-2026-R9903: artifact 'GPT-4o'/);

    const affected = async (report: string) =>
      ((await store.outgoingOf([`defect:${report}`])).get(`defect:${report}`) ?? [])
        .filter((r) => r.type === 'AFFECTS')
        .map((r) => r.to);
    expect(await affected('AVID-2026-R9901')).toEqual(['model:fixture-org/Base-7B-Instruct']);
    expect(await affected('AVID-2026-R9903')).toEqual(['model:meta-llama/Llama-2-7b-chat-hf']);
    expect(await affected('AVID-2026-R9907')).toEqual(['model:meta-llama/Llama-2-7b-chat-hf']);
    for (const [report, method] of [
      ['AVID-2026-R9901', 'exact'],
      ['AVID-2026-R9903', 'owner-name'],
    ])
      expect(plan.batch.relationships.find((r) => r.from === `defect:${report}`)).toMatchObject({
        origin: 'import',
        recordedFrom: `avid ${report}`,
        matchedBy: method,
      });

    // Effects (R9901), 0DIN's jailbreak taxonomy (R9903), a garak jailbreak probe (R9905)
    // and the title (R9907) each make a jailbreak.
    for (const report of ['R9901', 'R9903', 'R9905', 'R9907'])
      expect(await store.getEntity(`defect:AVID-2026-${report}`), report).toMatchObject({
        kind: 'Defect',
        category: 'JAILBREAK',
        severity: 'MEDIUM',
        origin: 'import',
        recordedFrom: `avid AVID-2026-${report}`,
      });
  });

  it('files a JailbreakBench method on the target it jailbreaks, from the per-behaviour outcomes', async () => {
    const { plan } = await importFiles('jailbreakbench', [fixture('jailbreakbench')]);
    expect(plan.records).toBe(3);
    const remarks = plan.notes.remarks.join('\n');
    expect(remarks).toMatch(/vicuna-13b-v1\.5 at 10%, under 30%/);
    expect(remarks).toMatch(/behind the SmoothLLM defence/);
    const defect = await store.getEntity('defect:jbb-fixtureattack');
    // 8 of the 10 behaviours jailbroken: at least half, so HIGH.
    expect(defect).toMatchObject({ category: 'JAILBREAK', severity: 'HIGH' });
    const affects = (await store.outgoingOf(['defect:jbb-fixtureattack'])).get(
      'defect:jbb-fixtureattack',
    );
    expect(affects?.map((r) => r.to)).toEqual(['model:meta-llama/Llama-2-7b-chat-hf']);
  });

  it('imports a CycloneDX ML-BOM: Hugging Face purls join the stored models, the application becomes a deployment', async () => {
    const { plan } = await importFiles('cyclonedx', [fixture('cyclonedx/ml-bom.json')]);
    expect(plan.linked).toBeGreaterThanOrEqual(1);
    const helpdesk = 'deployment:fixture-apps/fixture-helpdesk';
    expect((await store.getEntity(helpdesk))?.kind).toBe('Deployment');
    const edges = await lineageEdgesOf([helpdesk]);
    expect(edges).toContain(`${helpdesk} DEPLOYS model:fixture-org/Base-7B-Instruct`);
    expect(edges.filter((e) => e.includes(' DEPLOYS '))).toHaveLength(2);
  });

  it("imports a third-party ML-BOM: a lower-cased purl joins the stored model, suppliers and operators, -GGUF and the model card's approach inferred", async () => {
    const file = fixture('cyclonedx/guard-deployment.json');
    const { plan } = await importFiles('cyclonedx', [file]);
    const chat = 'deployment:fixture-support-ltd/support-chat';
    const gguf = 'model:bartowski/Llama-Guard-3-8B-GGUF';
    const guard = 'model:meta-llama/Llama-Guard-3-8B';
    // `pkg:huggingface/meta-llama/llama-2-7b-chat-hf` is the hf-tree's node, not a twin of it.
    expect(await lineageEdgesOf([chat])).toEqual([
      `${chat} DEPLOYS ${gguf}`,
      `${chat} DEPLOYS model:meta-llama/Llama-2-7b-chat-hf`,
    ]);
    expect(plan.batch.nodes.some((n) => /llama-2-7b-chat-hf/i.test(n.id))).toBe(false);
    expect(
      Object.fromEntries(await store.kindsOf([gguf, guard, 'model:meta-llama/Llama-3.1-8B'])),
    ).toEqual({
      [gguf]: 'Quantization',
      [guard]: 'FineTune',
      'model:meta-llama/Llama-3.1-8B': 'BaseModel',
    });
    const out = await store.outgoingOf([chat, gguf, guard]);
    const one = (from: string, type: string) => out.get(from)?.find((r) => r.type === type);
    expect(one(chat, 'OPERATED_BY')?.to).toBe('provider:fixture-support-ltd');
    expect(one(gguf, 'DEVELOPED_BY')?.to).toBe('provider:bartowski');
    expect(one(guard, 'DEVELOPED_BY')?.to).toBe('provider:meta-llama');
    for (const [from, type] of [
      [gguf, 'QUANTIZED_FROM'],
      [guard, 'FINE_TUNED_FROM'],
    ] as const)
      expect(one(from, type), `${from} ${type}`).toMatchObject({
        declared: false,
        matchedBy: 'inferred',
        origin: 'import',
      });
    expect(await store.getEntity(gguf)).toMatchObject({
      origin: 'import',
      recordedFrom: 'cyclonedx guard-deployment.json#guard-gguf',
    });
    expect(plan.matches.map((m) => m.at)).toContain('guard-deployment.json#fallback-chat');

    const again = await importFiles('cyclonedx', [file]);
    expect(again.report.changed).toBe(false);
  });

  it("carries the AVID jailbreak to every descendant across the sources, at each relation's level", async () => {
    const { view } = await new ImpactService(store).impactOfDefect('defect:AVID-2026-R9901');
    const levels = Object.fromEntries(view.page({}, 0, 100).rows.map((row) => [row.id, row.level]));
    expect(levels).toMatchObject({
      'model:fixture-org/Base-7B-Instruct': 'CONFIRMED',
      'model:quanter/Base-7B-Instruct-GGUF': 'CERTAIN',
      'model:tuner/Base-7B-Instruct-lora': 'CERTAIN',
      'model:carder/Base-7B-Instruct-DPO': 'CERTAIN',
      'model:carder/Base-7B-Instruct-AWQ': 'CERTAIN',
      'model:merger/Frankenmerge-7B': 'LIKELY',
      'model:carder/Two-Parent-Soup': 'LIKELY',
      'deployment:fixture-apps/fixture-helpdesk': 'CERTAIN',
    });
    // Nothing upstream or beside it: the base it was tuned from and the other merge parent.
    expect(levels['model:fixture-org/Base-7B']).toBeUndefined();
    expect(levels['model:other-org/Other-7B']).toBeUndefined();
  });
});
