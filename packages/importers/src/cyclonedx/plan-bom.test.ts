import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NodeKind, RelationshipInput } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import type { StoredCandidate } from '../plan';
import { fixture } from '../testing';
import { planCycloneDx } from './plan-bom';
import { lookupOf } from '../testing/fake-lookup';

// Third-party ML-BOMs in the shapes tools write them (fixtures/cyclonedx), planned against a
// store that holds a few nodes: what joins, what is new, and what each relation claims.

const stored = (
  id: string,
  kind: NodeKind,
  extra: Partial<StoredCandidate> = {},
): StoredCandidate => ({
  id,
  kind,
  name: id.slice(Math.max(id.lastIndexOf('/'), id.indexOf(':')) + 1),
  curated: false,
  developers: [],
  ...extra,
});

const STORE: StoredCandidate[] = [
  stored('model:meta-llama/Llama-Guard-3-8B', 'FineTune', {
    curated: true,
    developers: ['provider:meta-llama'],
  }),
  stored('model:meta-llama/Llama-2-7b-chat-hf', 'FineTune', {
    curated: true,
    developers: ['provider:meta-llama'],
  }),
  stored('model:NousResearch/Hermes-2-Pro-Mistral-7B', 'FineTune'),
  stored('model:mistralai/Mistral-7B-Instruct-v0.2', 'FineTune', {
    curated: true,
    developers: ['provider:mistralai'],
  }),
  stored('model:AryamanJaggi/Llama', 'FineTune'),
  stored('provider:meta-llama', 'Provider', { name: 'Meta', curated: true }),
  stored('provider:mistralai', 'Provider', { name: 'Mistral AI', curated: true }),
];

const plan = (file: string, nodes = STORE) =>
  planCycloneDx(fixture(`cyclonedx/${file}`), lookupOf(nodes));

type Plan = Awaited<ReturnType<typeof plan>>;

const kinds = (p: Plan) => Object.fromEntries(p.batch.nodes.map((n) => [n.id, n.kind]));
const edge = (p: Plan, type: string, from: string, to: string) =>
  p.batch.relationships.find((r) => r.type === type && r.from === from && r.to === to);
const edgesFrom = (p: Plan, from: string) =>
  p.batch.relationships
    .filter((r) => r.from === from)
    .map((r) => `${r.type} ${r.to}`)
    .sort();
const inferred = (r: RelationshipInput | undefined) => ({
  declared: r?.declared,
  matchedBy: r?.matchedBy,
});

describe('a third-party CycloneDX ML-BOM', () => {
  it('joins a stored model its Hugging Face id names, never a duplicate under an invented namespace', async () => {
    const p = await plan('guard-deployment.json');
    const ids = p.batch.nodes.map((n) => n.id);
    expect(ids).not.toContain('model:meta-llama/Llama-Guard-3-8B');
    expect(ids.filter((id) => /llama-guard-3-8b$/i.test(id))).toEqual([]);
    expect(ids.some((id) => id.includes('cyclonedx'))).toBe(false);
    // The lower-cased purl joins the stored model whatever its case.
    expect(
      edge(
        p,
        'DEPLOYS',
        'deployment:fixture-support-ltd/support-chat',
        'model:meta-llama/Llama-2-7b-chat-hf',
      ),
    ).toBeDefined();
    expect(p.linked).toBeGreaterThanOrEqual(2);
    expect(p.matches.find((m) => m.at === 'guard-deployment.json#guard')?.resolution).toEqual({
      outcome: 'matched',
      id: 'model:meta-llama/Llama-Guard-3-8B',
      kind: 'FineTune',
      method: 'exact',
    });
  });

  it('keeps a new Hugging Face id exactly as written, case included', async () => {
    const p = await plan('guard-deployment.json');
    expect(kinds(p)).toMatchObject({
      'model:meta-llama/Llama-3.1-8B': 'BaseModel',
      'model:bartowski/Llama-Guard-3-8B-GGUF': 'Quantization',
    });
    const hermes = await plan('merge-service.json', []);
    expect(kinds(hermes)['model:nousresearch/hermes-2-pro-mistral-7b']).toBe('BaseModel');
    // The BOM spells it twice, once in its other case: one node, as the store refuses twins.
    const folded = hermes.batch.nodes.map((n) => n.id.toLowerCase());
    expect(folded).toEqual([...new Set(folded)]);
  });

  it('reads quantization from -GGUF and fine-tuning from the model card, both inferred', async () => {
    const p = await plan('guard-deployment.json');
    const gguf = edge(
      p,
      'QUANTIZED_FROM',
      'model:bartowski/Llama-Guard-3-8B-GGUF',
      'model:meta-llama/Llama-Guard-3-8B',
    );
    expect(inferred(gguf)).toEqual({ declared: false, matchedBy: 'inferred' });
    const tuned = edge(
      p,
      'FINE_TUNED_FROM',
      'model:meta-llama/Llama-Guard-3-8B',
      'model:meta-llama/Llama-3.1-8B',
    );
    expect(inferred(tuned)).toEqual({ declared: false, matchedBy: 'inferred' });
    expect(p.batch.relationships.filter((r) => r.type === 'DEPENDS_ON')).toEqual([]);
  });

  it('ties models to their supplier and the application to its operator', async () => {
    const p = await plan('guard-deployment.json');
    const chat = 'deployment:fixture-support-ltd/support-chat';
    expect(kinds(p)[chat]).toBe('Deployment');
    expect(edgesFrom(p, chat)).toEqual([
      'DEPLOYS model:bartowski/Llama-Guard-3-8B-GGUF',
      'DEPLOYS model:meta-llama/Llama-2-7b-chat-hf',
      'OPERATED_BY provider:fixture-support-ltd',
    ]);
    expect(p.batch.nodes.find((n) => n.id === 'provider:fixture-support-ltd')?.name).toBe(
      'Fixture Support Ltd',
    );
    expect(
      edge(p, 'DEVELOPED_BY', 'model:meta-llama/Llama-3.1-8B', 'provider:meta-llama'),
    ).toBeDefined();
    expect(
      edge(p, 'DEVELOPED_BY', 'model:bartowski/Llama-Guard-3-8B-GGUF', 'provider:bartowski'),
    ).toBeDefined();
    // Meta is stored: no second provider node for it.
    expect(kinds(p)['provider:meta-llama']).toBeUndefined();
  });

  it('records where every node and relationship came from', async () => {
    const p = await plan('guard-deployment.json');
    for (const node of p.batch.nodes) {
      expect(node.origin, node.id).toBe('import');
      expect(node.recordedFrom, node.id).toMatch(/^cyclonedx guard-deployment\.json#\S+/);
    }
    for (const relationship of p.batch.relationships) {
      expect(relationship.origin).toBe('import');
      expect(relationship.recordedFrom).toMatch(/^cyclonedx guard-deployment\.json#\S+/);
      expect(relationship.matchedBy).toBeDefined();
    }
  });

  it('reads the OWASP AIBOM generator: %2F purls, the supplier org, model-card datasets, no wrapper deployment', async () => {
    const p = await plan('owasp-aibom.json', []);
    const smol = 'model:HuggingFaceTB/SmolLM-1.7B';
    expect(kinds(p)[smol]).toBe('BaseModel');
    expect(p.batch.nodes.filter((n) => n.kind === 'Deployment')).toEqual([]);
    expect(p.notes.remarks.join('\n')).toMatch(/SmolLM-1\.7B.*not a deployment/);
    expect(edgesFrom(p, smol)).toEqual([
      'DEVELOPED_BY provider:huggingface',
      'TRAINED_ON dataset:HuggingFaceTB/smollm-corpus',
    ]);
    expect(edge(p, 'TRAINED_ON', smol, 'dataset:HuggingFaceTB/smollm-corpus')?.declared).toBe(true);
  });

  it('tells quantizations, adapters and fine-tunes apart, through pedigree and the dependency graph', async () => {
    const p = await plan('mistral-derivatives.json', []);
    const instruct = 'model:mistralai/Mistral-7B-Instruct-v0.1';
    expect(kinds(p)).toMatchObject({
      'model:mistralai/Mistral-7B-v0.1': 'BaseModel',
      [instruct]: 'FineTune',
      'model:TheBloke/Mistral-7B-Instruct-v0.1-AWQ': 'Quantization',
      'model:TheBloke/Mistral-7B-Instruct-v0.1-GPTQ': 'Quantization',
      'model:fixture-lab/mistral-support-lora': 'Adapter',
      'dataset:fixture-lab/support-tickets-2026': 'Dataset',
    });
    expect(edgesFrom(p, instruct)).toEqual([
      'DEVELOPED_BY provider:mistralai',
      'FINE_TUNED_FROM model:mistralai/Mistral-7B-v0.1',
    ]);
    expect(edgesFrom(p, 'model:TheBloke/Mistral-7B-Instruct-v0.1-GPTQ')).toEqual([
      'DEVELOPED_BY provider:TheBloke',
      `QUANTIZED_FROM ${instruct}`,
    ]);
    expect(edgesFrom(p, 'model:TheBloke/Mistral-7B-Instruct-v0.1-AWQ')).toContain(
      `QUANTIZED_FROM ${instruct}`,
    );
    const lora = 'model:fixture-lab/mistral-support-lora';
    expect(inferred(edge(p, 'ADAPTER_OF', lora, instruct))).toEqual({
      declared: false,
      matchedBy: 'inferred',
    });
    expect(edge(p, 'TRAINED_ON', lora, 'dataset:fixture-lab/support-tickets-2026')).toBeDefined();
  });

  it('keeps DEPENDS_ON, declared, where nothing says how a model derives, but never calls it a base model', async () => {
    const p = await plan('mistral-derivatives.json', []);
    const legal = 'model:fixture-lab/mistral-legal-7b';
    expect(kinds(p)[legal]).not.toBe('BaseModel');
    expect(edge(p, 'DEPENDS_ON', legal, 'model:mistralai/Mistral-7B-v0.1')?.declared).toBe(true);
  });

  it('reads a merge, a -ft name, services as deployments and an owner-confirmed name', async () => {
    const p = await plan('merge-service.json');
    const merge = 'model:fixture-merges/Hermes-Instruct-Merge-7B';
    expect(kinds(p)[merge]).toBe('Merge');
    expect(edgesFrom(p, merge)).toEqual([
      'DEVELOPED_BY provider:fixture-merges',
      'MERGED_FROM model:NousResearch/Hermes-2-Pro-Mistral-7B',
      'MERGED_FROM model:mistralai/Mistral-7B-Instruct-v0.2',
    ]);
    const ft = 'model:fixture-lab/Hermes-2-Pro-Mistral-7B-ft';
    expect(kinds(p)[ft]).toBe('FineTune');
    expect(
      inferred(edge(p, 'FINE_TUNED_FROM', ft, 'model:NousResearch/Hermes-2-Pro-Mistral-7B')),
    ).toEqual({ declared: false, matchedBy: 'inferred' });
    expect(edgesFrom(p, 'deployment:together/merge-inference-api')).toEqual([
      `DEPLOYS ${merge}`,
      'OPERATED_BY provider:together',
    ]);
    expect(edgesFrom(p, 'deployment:fixture-lab/playground')).toEqual([
      'BUILT_ON deployment:together/merge-inference-api',
      `DEPLOYS ${ft}`,
      'DEPLOYS model:fixture-lab/Llama',
      'OPERATED_BY provider:fixture-lab',
    ]);
  });

  it('never joins a bare name to an arbitrary upload', async () => {
    const p = await plan('merge-service.json');
    expect(kinds(p)['model:fixture-lab/Llama']).toBe('BaseModel');
    expect(p.batch.relationships.some((r) => r.to === 'model:AryamanJaggi/Llama')).toBe(false);
    expect(p.notes.unresolved.join('\n')).toMatch(/Llama.*model:AryamanJaggi\/Llama/);
  });

  it('writes no inference between two stored nodes, which could overwrite what the store states', async () => {
    const base = stored('model:meta-llama/Llama-3.1-8B', 'BaseModel', { curated: true });
    const p = await plan('guard-deployment.json', [...STORE, base]);
    const guard = 'model:meta-llama/Llama-Guard-3-8B';
    expect(edge(p, 'FINE_TUNED_FROM', guard, base.id)).toBeUndefined();
    expect(p.notes.remarks.join('\n')).toMatch(
      /FINE_TUNED_FROM model:meta-llama\/Llama-3\.1-8B \(inferred from model card approach 'supervised'\) joins two stored nodes/,
    );
  });

  it('never joins a Hugging Face id to a namesake of another repository, and records the node it made', async () => {
    const namesake = stored('model:mistralai/Mistral-7B-Instruct-v0.1-AWQ', 'Quantization', {
      curated: true,
    });
    const p = await plan('mistral-derivatives.json', [namesake]);
    const awq = 'model:TheBloke/Mistral-7B-Instruct-v0.1-AWQ';
    expect(kinds(p)[awq]).toBe('Quantization');
    expect(p.matches.find((m) => m.at === 'mistral-derivatives.json#awq')).toMatchObject({
      name: 'TheBloke/Mistral-7B-Instruct-v0.1-AWQ',
      resolution: { outcome: 'unresolved', candidates: [namesake.id] },
      createdAs: awq,
    });
  });

  it("writes back an inferred edge Lineage's own export states, even between stored nodes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lineage-bom-'));
    const [child, parent] = ['model:a/Child-GGUF', 'model:a/Child'];
    const component = (id: string, extra: object = {}) => ({
      type: 'machine-learning-model',
      'bom-ref': id,
      name: id.slice(id.indexOf('/') + 1),
      properties: [{ name: 'lineage:id', value: id }, ...Object.values(extra)],
    });
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [
        component(child, {
          relation: { name: `lineage:relation:${parent}`, value: 'QUANTIZED_FROM' },
          inferred: { name: `lineage:inferred:${parent}`, value: 'true' },
        }),
        component(parent),
      ],
      dependencies: [{ ref: child, dependsOn: [parent] }],
    };
    try {
      await writeFile(path.join(dir, 'bom.json'), JSON.stringify(bom));
      const both = [stored(child, 'Quantization'), stored(parent, 'FineTune')];
      const p = await planCycloneDx(path.join(dir, 'bom.json'), lookupOf(both));
      expect(inferred(edge(p, 'QUANTIZED_FROM', child, parent))).toEqual({
        declared: false,
        matchedBy: 'inferred',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('joins a stored node of another letter case rather than making its twin', async () => {
    const twin = stored('model:fixture-lab/LLAMA', 'BaseModel');
    const p = await plan('merge-service.json', [...STORE, twin]);
    expect(kinds(p)['model:fixture-lab/Llama']).toBeUndefined();
    expect(edge(p, 'DEPLOYS', 'deployment:fixture-lab/playground', twin.id)).toBeDefined();
  });
});
