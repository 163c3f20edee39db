import { fileURLToPath } from 'node:url';
import { endDay, startDay, type EntityInput, type RelationshipInput } from '@lineage/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from './read-seed';

// The seed's time record (issue 12): which model each product ran over which period, and which
// snapshot a family name served. Each test states a dated fact so that an edit cannot quietly
// make a product deploy a model forever again.
const seedDir = fileURLToPath(new URL('../../../../seed', import.meta.url));

let nodes: Map<string, EntityInput & Record<string, unknown>>;
let links: RelationshipInput[];
beforeAll(async () => {
  const { batch } = await readSeed(seedDir);
  nodes = new Map(
    batch.nodes.map((node) => [node.id, node as EntityInput & Record<string, unknown>]),
  );
  links = batch.relationships;
});

const linkFrom = (from: string, type: string, to: string) =>
  links.find((l) => l.from === from && l.type === type && l.to === to);
const linksFrom = (from: string, types: string[]) =>
  links.filter((l) => l.from === from && types.includes(l.type));

/** Pairs of periods of one family name that share a day: none may. */
function overlaps(periods: RelationshipInput[]): string[] {
  const sorted = [...periods].sort((a, b) => startDay(a.validFrom) - startDay(b.validFrom));
  return sorted.slice(1).flatMap((next, i) => {
    const previous = sorted[i]!;
    return endDay(previous.validTo) > startDay(next.validFrom)
      ? [
          `${previous.to} [${previous.validFrom}, ${previous.validTo}) and ${next.to} from ${next.validFrom}`,
        ]
      : [];
  });
}

describe('the dated seed', () => {
  it('dates the start of every model ChatGPT, Copilot, Bing, Perplexity and the OpenAI APIs ran', () => {
    const histories = [
      'deployment:openai/chatgpt',
      'deployment:openai/chatgpt-enterprise',
      'deployment:openai/api',
      'deployment:openai/gpt-4-api',
      'deployment:openai/chatgpt-api',
      'deployment:github/copilot',
      'deployment:microsoft/bing',
      'deployment:perplexity-ai/perplexity',
      'deployment:perplexity-ai/sonar-api',
    ];
    const edges = histories.flatMap((id) => linksFrom(id, ['DEPLOYS', 'BUILT_ON']));
    expect(edges.length).toBeGreaterThan(histories.length);
    const undated = edges.filter((l) => !l.validFrom).map((l) => `${l.from} ${l.type} ${l.to}`);
    expect(undated).toEqual([]);
  });

  it('ends Codex in Copilot (2023-07-28) and in the OpenAI API (2023-03-23)', () => {
    expect(linkFrom('deployment:github/copilot', 'DEPLOYS', 'model:openai/codex')?.validTo).toBe(
      '2023-07-28',
    );
    expect(linkFrom('deployment:openai/api', 'DEPLOYS', 'model:openai/codex')?.validTo).toBe(
      '2023-03-23',
    );
  });

  it('ends ChatGPT on gpt-3.5-turbo the day GPT-4o mini replaced it (2024-07-18)', () => {
    const turbo = linkFrom('deployment:openai/chatgpt', 'DEPLOYS', 'model:openai/gpt-3.5-turbo');
    const mini = linkFrom('deployment:openai/chatgpt', 'DEPLOYS', 'model:openai/gpt-4o-mini');
    expect(turbo?.validTo).toBe('2024-07-18');
    expect(mini?.validFrom).toBe(turbo?.validTo);
  });

  it('keeps gpt-4o as the family name, its dated snapshots filed under it', () => {
    expect(nodes.get('model:openai/gpt-4o')?.version).toBeUndefined();
    for (const day of ['2024-05-13', '2024-08-06', '2024-11-20']) {
      const snapshot = `model:openai/gpt-4o-${day}`;
      expect(nodes.get(snapshot)?.releasedAt).toBe(day);
      expect(linkFrom(snapshot, 'SNAPSHOT_OF', 'model:openai/gpt-4o')).toBeDefined();
    }
  });

  it('has the gpt-4o name point to 2024-05-13 until 2024-10-02, then to 2024-08-06', () => {
    const pointsTo = linksFrom('model:openai/gpt-4o', ['POINTS_TO']);
    expect(pointsTo.map((l) => [l.to, l.validFrom, l.validTo])).toEqual([
      ['model:openai/gpt-4o-2024-05-13', '2024-05-13', '2024-10-02'],
      ['model:openai/gpt-4o-2024-08-06', '2024-10-02', undefined],
    ]);
  });

  it('has the gpt-3.5-turbo name skip the 1106 snapshot (0613 straight to 0125 on 2024-02-16)', () => {
    const pointsTo = linksFrom('model:openai/gpt-3.5-turbo', ['POINTS_TO']);
    expect(pointsTo.map((l) => l.to)).not.toContain('model:openai/gpt-3.5-turbo-1106');
    expect(
      linkFrom('model:openai/gpt-3.5-turbo', 'POINTS_TO', 'model:openai/gpt-3.5-turbo-0613')
        ?.validTo,
    ).toBe('2024-02-16');
    expect(
      linkFrom('model:openai/gpt-3.5-turbo', 'POINTS_TO', 'model:openai/gpt-3.5-turbo-0125')
        ?.validFrom,
    ).toBe('2024-02-16');
    expect(
      linkFrom('model:openai/gpt-3.5-turbo-1106', 'SNAPSHOT_OF', 'model:openai/gpt-3.5-turbo'),
    ).toBeDefined();
  });

  it('files DeepSeek-V3-0324 under DeepSeek-V3, and has the DeepSeek API switch between them in a day', () => {
    expect(
      linkFrom(
        'model:deepseek-ai/DeepSeek-V3-0324',
        'SNAPSHOT_OF',
        'model:deepseek-ai/DeepSeek-V3',
      ),
    ).toBeDefined();
    const v3 = linkFrom('deployment:deepseek-ai/api', 'DEPLOYS', 'model:deepseek-ai/DeepSeek-V3');
    const v3March = linkFrom(
      'deployment:deepseek-ai/api',
      'DEPLOYS',
      'model:deepseek-ai/DeepSeek-V3-0324',
    );
    expect(v3?.validTo).toBeDefined();
    expect(v3March?.validFrom).toBe(v3?.validTo);
  });

  it('keeps Mistral Large as the family name over its 2402, 2407 and 2411 versions', () => {
    expect(nodes.get('model:mistralai/mistral-large')?.version).toBeUndefined();
    for (const id of [
      'model:mistralai/mistral-large-2402',
      'model:mistralai/Mistral-Large-Instruct-2407',
      'model:mistralai/Mistral-Large-Instruct-2411',
    ]) {
      expect(linkFrom(id, 'SNAPSHOT_OF', 'model:mistralai/mistral-large')).toBeDefined();
    }
  });

  it('ends no link before it starts, and rests every ended link on a source of its own', () => {
    const dated = links.filter((l) => l.validFrom || l.validTo);
    const backwards = dated.filter((l) => endDay(l.validTo) <= startDay(l.validFrom));
    expect(backwards).toEqual([]);
    const recordSources = (id: string) => nodes.get(id)?.sources ?? [];
    const unsourcedEnds = dated
      .filter((l) => l.validTo && l.type !== 'POINTS_TO')
      .filter((l) => (l.sources ?? []).every((url) => recordSources(l.from).includes(url)))
      .map((l) => `${l.from} ${l.type} ${l.to}`);
    expect(unsourcedEnds).toEqual([]);
  });

  it('never has a family name point to two snapshots on the same day', () => {
    const families = [...new Set(links.filter((l) => l.type === 'POINTS_TO').map((l) => l.from))];
    expect(families.length).toBeGreaterThan(0);
    const clashes = families.flatMap((family) => overlaps(linksFrom(family, ['POINTS_TO'])));
    expect(clashes).toEqual([]);
  });

  it('points a family name only at its own snapshots', () => {
    const pointing = links.filter((l) => l.type === 'POINTS_TO');
    expect(pointing.length).toBeGreaterThan(0);
    const strays = pointing
      .filter((l) => !linkFrom(l.to, 'SNAPSHOT_OF', l.from))
      .map((l) => `${l.from} -> ${l.to}`);
    expect(strays).toEqual([]);
  });
});
