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
  it('dates every model ChatGPT ran', () => {
    const undated = linksFrom('deployment:openai/chatgpt', ['DEPLOYS', 'BUILT_ON'])
      .filter((l) => !l.validFrom)
      .map((l) => l.to);
    expect(undated).toEqual([]);
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
