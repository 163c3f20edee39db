import type { RelationshipInput } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { fixture, realData } from '../testing';
import { lookupOf, type FakeNode } from '../testing/fake-lookup';
import { planEcosystemGraphs } from './plan';

const stored = (id: string, name: string, releasedAt: string): FakeNode => ({
  id,
  kind: 'BaseModel',
  name,
  curated: true,
  developers: [],
  releasedAt,
});
const STORED = [
  stored('model:stored-lab/stored-base', 'Stored Base', '2023-03-01'),
  stored('model:stored-lab/stored-future', 'Stored Future', '2024-06-01'),
];

const plan = () =>
  planEcosystemGraphs([fixture('ecosystem-graphs/dated/dated-lab.yaml')], lookupOf(STORED));

/** `from -> to: validFrom` for each lineage edge from an asset of the fixture, by names. */
async function periods() {
  const { batch } = await plan();
  const names = new Map([
    ...batch.nodes.map((n) => [n.id, n.name] as const),
    ...STORED.map((n) => [n.id, n.name] as const),
  ]);
  return Object.fromEntries(
    batch.relationships
      .filter((r) => !['DEVELOPED_BY', 'OPERATED_BY'].includes(r.type))
      .map((r) => [`${names.get(r.from)} -> ${names.get(r.to)}`, r.validFrom ?? 'open']),
  );
}

describe('Ecosystem Graphs dates', () => {
  it('gives a node the created_date the source states as a full date, and none for a year, unknown or an impossible day', async () => {
    const { batch } = await plan();
    const released = Object.fromEntries(batch.nodes.map((n) => [n.name, n.releasedAt ?? 'none']));
    expect(released).toMatchObject({
      'Dated Corpus': '2023-01-10',
      'Undated Corpus': 'none',
      'Late Benchmark': '2023-09-01',
      'Dated LM': '2023-05-01',
      'Year Tune': 'none',
      'Impossible Day Tune': 'none',
      'Early App': '2022-11-30',
      'Late App': '2024-02-01',
    });
  });

  it("starts a model's own training and base-model dependencies at its creation, unless the dependency's stated date is later", async () => {
    expect(await periods()).toMatchObject({
      'Dated LM -> Dated Corpus': '2023-05-01',
      // Its own training data existed when it was made, dated or not.
      'Dated LM -> Undated Corpus': '2023-05-01',
      // The source dates the benchmark after the model: no start is claimed.
      'Dated LM -> Late Benchmark': 'open',
      // A stored node's release, read from the store.
      'Dated LM -> Stored Base': '2023-05-01',
      'Year Tune -> Dated LM': 'open',
      'Impossible Day Tune -> Dated LM': 'open',
    });
  });

  it("starts an application's dependency at its launch only when the model it depends on is dated no later", async () => {
    expect(await periods()).toMatchObject({
      // ChatGPT-style: launched before the model it lists; it took that model up later, when is unsaid.
      'Early App -> Dated LM': 'open',
      'Late App -> Dated LM': '2024-02-01',
      'Late App -> Year Tune': 'open',
      'Late App -> Stored Base': '2024-02-01',
      'Late App -> Stored Future': 'open',
    });
  });
});

const egDir = realData('ecosystem-graphs/assets', 'the Ecosystem Graphs dates test');

describe.skipIf(!egDir)('Ecosystem Graphs dates on the real files', () => {
  it('never starts an edge before either end exists, and never on an application older than its model', async () => {
    const { batch } = await planEcosystemGraphs([egDir!], lookupOf([]));
    const released = new Map(batch.nodes.map((n) => [n.id, n.releasedAt]));
    const kinds = new Map(batch.nodes.map((n) => [n.id, n.kind]));
    const dated = batch.relationships.filter((r): r is RelationshipInput & { validFrom: string } =>
      Boolean(r.validFrom),
    );
    // Most of the 600-odd assets state a full date: most of their edges are dated.
    expect(dated.length).toBeGreaterThan(300);
    for (const edge of dated) {
      const [from, to] = [released.get(edge.from), released.get(edge.to)];
      expect(from, `${edge.from} ${edge.type} ${edge.to}`).toBe(edge.validFrom);
      if (to) expect(to <= edge.validFrom, `${edge.from} ${edge.type} ${edge.to}`).toBe(true);
      if (kinds.get(edge.from) === 'Deployment') expect(to).toBeDefined();
    }
    const edge = (from: string, to: string) =>
      batch.relationships.find(
        (r) =>
          r.from === batch.nodes.find((n) => n.name === from)?.id &&
          r.to === batch.nodes.find((n) => n.name === to)?.id,
      );
    // Adobe's Firefly (2023-03-21) lists Firefly Image 2 (2023-10-10): taken up later, when unsaid.
    expect(edge('Firefly', 'Firefly Image 2')).toBeDefined();
    expect(edge('Firefly', 'Firefly Image 2')?.validFrom).toBeUndefined();
    // Microsoft 365 Copilot (2023-03-16) on the GPT-4 API (2023-03-14): from its launch.
    expect(edge('Microsoft 365 Copilot', 'GPT-4 API')?.validFrom).toBe('2023-03-16');
    // Codex (2021-08-10) is built on GPT-3 (2020-06-11): from Codex's creation.
    expect(edge('Codex', 'GPT-3')?.validFrom).toBe('2021-08-10');
  });
});
