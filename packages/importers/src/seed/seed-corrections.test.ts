import { fileURLToPath } from 'node:url';
import { nameKey, type EntityInput, type RelationshipInput } from '@lineage/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from './read-seed';

// The curated seed as checked in. These are the records issue 11 found wrong; each test
// states the corrected fact so that a later edit cannot quietly bring the error back.
const seedDir = fileURLToPath(new URL('../../../../seed', import.meta.url));

let nodes: Map<string, EntityInput>;
let links: RelationshipInput[];
beforeAll(async () => {
  const { batch } = await readSeed(seedDir);
  nodes = new Map(batch.nodes.map((node) => [node.id, node]));
  links = batch.relationships;
});

const node = (id: string) => nodes.get(id) as (EntityInput & Record<string, unknown>) | undefined;
const linksFrom = (from: string, type: string) =>
  links.filter((l) => l.from === from && l.type === type).map((l) => l.to);

/** Mirrors and copies that re-serve other sites' pages; never evidence in their own right. */
const COPY_HOSTS = [
  'hf.qhduan.com',
  'git.lnyan.com',
  'huggingface.co.',
  'www.linkedin.com',
  'granhotelsantacruz.com',
  'deepseek.gr.com',
  'www.ccyxbj.cn',
];

/** The owner of a Hugging Face page: `/owner/repo`, `/datasets/owner/...`, `/collections/owner/...`. */
function hubOwner(pathname: string): string | undefined {
  const [first, second] = pathname.split('/').slice(1);
  if (first === 'blog') return undefined;
  return first === 'datasets' || first === 'collections' ? second : first;
}

/** Hub owners who publish their own weights: their facts come from their own pages. */
const VENDOR_OWNERS = ['meta-llama', 'mistralai', 'Qwen', 'deepseek-ai', 'google'];

describe('the curated seed after the issue 11 corrections', () => {
  it('cites no mirror or copy site as a source', () => {
    const cited = [
      ...[...nodes.values()].flatMap((n) => (n.sources ?? []).map((url) => [n.id, url])),
      ...links.flatMap((l) => (l.sources ?? []).map((url) => [`${l.from} ${l.type}`, url])),
    ];
    const copies = cited.filter(([, url]) => COPY_HOSTS.includes(new URL(url!).hostname));
    expect(copies).toEqual([]);
  });

  it("sources a vendor's model on the vendor's own hub pages, not another uploader's", () => {
    const strays = [...nodes.values()]
      .filter((n) => VENDOR_OWNERS.some((owner) => n.id.startsWith(`model:${owner}/`)))
      .flatMap((n) =>
        (n.sources ?? [])
          .filter((url) => new URL(url).hostname === 'huggingface.co')
          .map((url) => hubOwner(new URL(url).pathname))
          .filter((owner) => owner && owner !== n.id.slice('model:'.length).split('/')[0])
          .map((owner) => `${n.id} cites ${owner}`),
      );
    expect(strays).toEqual([]);
  });

  it('does not take tatsu-lab (Hashimoto lab, Stanford Alpaca) for Stanford CRFM', () => {
    expect(node('provider:tatsu-lab')?.aliases ?? []).not.toContain('Stanford CRFM');
  });

  it('files the Qwen2.5-Math models as fine-tunes continued from their Qwen2.5 base', () => {
    for (const size of ['1.5B', '7B']) {
      expect(node(`model:Qwen/Qwen2.5-Math-${size}`)?.kind).toBe('FineTune');
      expect(linksFrom(`model:Qwen/Qwen2.5-Math-${size}`, 'FINE_TUNED_FROM')).toEqual([
        `model:Qwen/Qwen2.5-${size}`,
      ]);
    }
  });

  it('states the Llama licence each R1 Llama distill inherits, not plain MIT', () => {
    expect(node('model:deepseek-ai/DeepSeek-R1-Distill-Llama-8B')?.license).toMatch(/Llama 3\.1/);
    expect(node('model:deepseek-ai/DeepSeek-R1-Distill-Llama-70B')?.license).toMatch(/Llama 3\.3/);
  });

  it('records the DeepSeek License for the December 2024 DeepSeek-V3 weights', () => {
    for (const id of ['model:deepseek-ai/DeepSeek-V3', 'model:deepseek-ai/DeepSeek-V3-Base']) {
      expect(node(id)?.license).toMatch(/DeepSeek Model License/);
    }
  });

  it('links the ChatGPT API to the model it serves, not to the ChatGPT app', () => {
    expect(linksFrom('deployment:openai/chatgpt-api', 'BUILT_ON')).toEqual([]);
    expect(linksFrom('deployment:openai/chatgpt-api', 'DEPLOYS')).toContain(
      'model:openai/gpt-3.5-turbo',
    );
  });

  it('has Bing deploy GPT-4 rather than sit on the ChatGPT API', () => {
    expect(linksFrom('deployment:microsoft/bing', 'BUILT_ON')).toEqual([]);
    expect(linksFrom('deployment:microsoft/bing', 'DEPLOYS')).toEqual(['model:openai/gpt-4']);
  });

  it('does not have Bedrock deploy the R1 Llama distills that customers import themselves', () => {
    expect(linksFrom('deployment:amazon/bedrock', 'DEPLOYS')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/DeepSeek-R1-Distill-Llama/)]),
    );
  });

  it("names every model Microsoft's Skeleton Key post reports as affected", () => {
    const origins = links
      .filter((l) => l.type === 'AFFECTS' && l.from === 'defect:FMD-2026-0009')
      .map((l) => l.to);
    expect(origins.sort()).toEqual(
      [
        'model:CohereForAI/c4ai-command-r-plus',
        'model:anthropic/claude-3-opus',
        'model:google/gemini-pro',
        'model:meta-llama/Meta-Llama-3-70B-Instruct',
        'model:mistralai/mistral-large',
        'model:openai/gpt-3.5-turbo',
        'model:openai/gpt-4o',
      ].sort(),
    );
  });

  it("keeps the bare 'Vicuna' off vicuna-13b-v1.5: Ecosystem Graphs' Vicuna is the LLaMA-1 model", () => {
    const names = [
      node('model:lmsys/vicuna-13b-v1.5')?.name,
      ...(node('model:lmsys/vicuna-13b-v1.5')?.aliases ?? []),
    ];
    expect(names).toContain('vicuna-13b-v1.5');
    expect(names.map((name) => nameKey(name ?? ''))).not.toContain('vicuna');
  });

  it("gives no model the product name 'DeepSeek Chat' (EG's Deepseek Chat is the 2023 67B model)", () => {
    const carriers = [...nodes.values()]
      .filter((n) => n.id.startsWith('model:'))
      .filter((n) =>
        [n.name, ...(n.aliases ?? [])].some((name) => nameKey(name) === 'deepseekchat'),
      )
      .map((n) => n.id);
    expect(carriers).toEqual([]);
  });

  it('stores Command R+ under the repo id the model tree names, CohereForAI/c4ai-command-r-plus', () => {
    expect(node('model:CohereLabs/c4ai-command-r-plus')).toBeUndefined();
    const commandRPlus = node('model:CohereForAI/c4ai-command-r-plus');
    expect(commandRPlus?.aliases).toContain('CohereLabs/c4ai-command-r-plus');
    expect(linksFrom('model:CohereForAI/c4ai-command-r-plus', 'DEVELOPED_BY')).toEqual([
      'provider:CohereLabs',
    ]);
  });
});
