import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { idProblem, nameKey } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readAssets } from '../ecosystem-graphs/read-assets';
import { realData } from '../testing/real-data';
import { OrganisationIndex } from './organisations-index';
import { ORGANISATIONS } from './organisations';

interface SeedProvider {
  id: string;
  name: string;
  aliases?: string[];
}

function seedProviders(file: string): SeedProvider[] {
  return parse(readFileSync(new URL(`../../../../seed/${file}`, import.meta.url), 'utf8'));
}

const namesOf = (o: (typeof ORGANISATIONS)[number]) => [o.name, ...o.aliases, ...o.hubOwners];

describe('the curated organisations table', () => {
  it('gives every name, alias and hub owner to one organisation only', () => {
    const owners = new Map<string, string[]>();
    for (const organisation of ORGANISATIONS)
      for (const key of new Set(namesOf(organisation).map(nameKey)))
        owners.set(key, [...(owners.get(key) ?? []), organisation.providerId]);
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
    expect(owners.has('')).toBe(false);
  });

  it('stores each organisation under one valid provider id of its own', () => {
    const ids = ORGANISATIONS.map((o) => o.providerId);
    expect(ids.filter((id) => idProblem(id, 'Provider') !== undefined)).toEqual([]);
    expect(ids.filter((id, at) => ids.indexOf(id) !== at)).toEqual([]);
  });

  it('spells hub owners as the hub allows and cites at least one page', () => {
    const owners = ORGANISATIONS.flatMap((o) => o.hubOwners);
    expect(owners.filter((owner) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(owner))).toEqual([]);
    expect(ORGANISATIONS.filter((o) => o.sources.length === 0).map((o) => o.name)).toEqual([]);
  });

  it("keeps a seed provider's name or an alias among the names of its organisation", () => {
    const seed = [...seedProviders('providers.yaml'), ...seedProviders('operators.yaml')];
    const byId = new Map(ORGANISATIONS.map((o) => [o.providerId, o]));
    const strangers = seed.flatMap((provider) => {
      const organisation = byId.get(provider.id);
      if (!organisation) return [];
      const keys = new Set(namesOf(organisation).map(nameKey));
      const seedNames = [provider.name, ...(provider.aliases ?? [])];
      return seedNames.some((name) => keys.has(nameKey(name))) ? [] : [provider.id];
    });
    expect(strangers).toEqual([]);
  });
});

const EG_ASSETS = realData('ecosystem-graphs/assets', 'the organisations coverage test');

describe.skipIf(!EG_ASSETS)('the organisations of the real Ecosystem Graphs', () => {
  it('resolves every organisation named on three or more assets', async () => {
    const assets = await readAssets([EG_ASSETS!]);
    const counts = new Map<string, number>();
    // "Together, LAION, Ontocord" counts once for each of the three.
    for (const { organization } of assets)
      for (const part of organization.split(',').map((p) => p.trim()))
        counts.set(part, (counts.get(part) ?? 0) + 1);
    const named = [...counts].filter(([, count]) => count >= 3).map(([name]) => name);
    expect(named.length).toBeGreaterThan(40);
    const index = new OrganisationIndex();
    expect(named.filter((name) => !index.named(name))).toEqual([]);
  });
});

const AVID_REPORTS = realData('avid/reports', 'the organisations coverage test');

describe.skipIf(!AVID_REPORTS)('the organisations of the real AVID reports', () => {
  it('resolves every developer named on a report about a model', () => {
    const developers = new Set<string>();
    for (const file of readdirSync(AVID_REPORTS!, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.json')) continue;
      const report = JSON.parse(readFileSync(path.join(AVID_REPORTS!, file), 'utf8'));
      const affects = report.affects ?? {};
      const artifacts: { type?: string }[] = affects.artifacts ?? [];
      if (artifacts.some((a) => a.type === 'Model'))
        for (const developer of affects.developer ?? []) developers.add(developer);
    }
    // AVID-2025-R0001 ("MM Math Helper"): the person who built the app that runs the models.
    developers.delete('Nathan Butters');
    expect(developers.size).toBeGreaterThan(5);
    const index = new OrganisationIndex();
    expect([...developers].filter((name) => !index.named(name))).toEqual([]);
  });
});

describe('vendor prefixes', () => {
  it('reads the vendor word of a model name, never a hub owner inside the name', () => {
    const index = new OrganisationIndex();
    expect(index.vendorPrefix('Meta LLaMa 3.3')).toMatchObject({ rest: 'LLaMa 3.3' });
    expect(index.vendorPrefix('Meta LLaMa 3.3')?.organisation.providerId).toBe(
      'provider:meta-llama',
    );
    expect(index.vendorPrefix('OpenAI GPT-4o')).toMatchObject({ rest: 'GPT-4o' });
    expect(index.vendorPrefix('Twitter / X Grok 2')).toMatchObject({ rest: 'Grok 2' });
    expect(index.vendorPrefix('Twitter / X Grok 2')?.organisation.providerId).toBe(
      'provider:xai-org',
    );
    expect(index.vendorPrefix('GPT-4o')).toBeUndefined();
  });

  it('names an organisation by its hub owner and its legal name', () => {
    const index = new OrganisationIndex();
    expect(index.named('meta-llama')?.providerId).toBe('provider:meta-llama');
    expect(index.named('Meta Platforms, Inc.')?.providerId).toBe('provider:meta-llama');
  });
});
