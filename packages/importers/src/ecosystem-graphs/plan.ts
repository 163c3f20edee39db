import {
  entityInputSchema,
  kindGroup,
  nameKey,
  relationshipInputSchema,
  weakerMatch,
  type KindGroup,
  type MatchMethod,
  type NodeKind,
  type RelationType,
} from '@lineage/domain';
import { refuseCycles, describeEdge } from '../cycles';
import { organisations } from '../identity/organisations-index';
import { httpUrl, isoDate, shortHash, slugify } from '../ids';
import { NameResolver, type Resolution } from '../matching/name-resolver';
import { importedFrom, importedLink } from '../matching/provenance';
import { parseRecord } from '../parse-record';
import { BatchBuilder, emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { dependencyStart, storedReleases } from './dated-links';
import { readAssets, type Asset, type AssetType } from './read-assets';

const FORMAT = 'ecosystem-graphs';
const GROUP: Record<AssetType, KindGroup> = {
  model: 'Model',
  dataset: 'Dataset',
  application: 'Deployment',
};
const PREFIX: Record<AssetType, string> = {
  model: 'model',
  dataset: 'dataset',
  application: 'deployment',
};
const LINEAGE_GROUPS: KindGroup[] = ['Model', 'Dataset', 'Deployment'];

/**
 * The relation a dependency gets from the kinds it joins; DEPENDS_ON where they do not say.
 * An application that depends on another (Perplexity on Bing's search) does not run it:
 * Ecosystem Graphs says nothing of what it runs, so that is a DEPENDS_ON, never a BUILT_ON.
 */
function relationFor(from: AssetType, to: KindGroup): RelationType {
  if (from === 'model' && to === 'Dataset') return 'TRAINED_ON';
  if (from === 'dataset' && to === 'Model') return 'GENERATED_BY';
  if (from === 'application' && to === 'Model') return 'DEPLOYS';
  return 'DEPENDS_ON';
}

const KNOWN_ACCESS = new Set(['open', 'limited', 'closed']);
const meaningful = (value: unknown) =>
  typeof value === 'string' && value.trim() && !/^(unknown|none|n\/a)$/i.test(value.trim())
    ? value.trim().slice(0, 200)
    : undefined;

const sourceOf = (asset: Asset) =>
  `https://github.com/stanford-crfm/ecosystem-graphs/blob/main/assets/${asset.file}`;

interface Placed {
  id: string;
  group: KindGroup;
  /** The stored node's kind when the asset joined one. */
  kind?: NodeKind;
  /** How it joined a stored node; undefined for an asset that is a node of its own. */
  method?: MatchMethod;
}

/**
 * Stanford Ecosystem Graphs: datasets, models and applications (as deployments), their
 * organisations as providers, and their dependencies. Organisations resolve through the
 * curated table; an asset joins a stored node only by the matching rules (its organisation
 * confirming the node, or a curated node's name), else it is a node of its own. Dependencies
 * name other assets first; the rest resolve by the same rules or are listed, never guessed.
 */
export async function planEcosystemGraphs(
  files: string[],
  lookup: NodeLookup,
): Promise<ImportPlan> {
  const assets = await readAssets(files);
  const notes = emptyNotes();
  const builder = new BatchBuilder();

  const byName = new Map<string, Asset[]>();
  for (const asset of assets) byName.set(asset.name, [...(byName.get(asset.name) ?? []), asset]);
  for (const [name, same] of byName) {
    if (same.length > 1)
      notes.duplicates.push(
        `'${name}' names ${same.length} assets: ${same.map((a) => `${a.organization} (${a.at})`).join(', ')}`,
      );
  }
  const byKey = new Map<string, Asset[]>();
  for (const asset of assets)
    byKey.set(nameKey(asset.name), [...(byKey.get(nameKey(asset.name)) ?? []), asset]);
  const localOf = (name: string) => byName.get(name) ?? byKey.get(nameKey(name)) ?? [];
  const externalDependencies = assets.flatMap((asset) =>
    asset.dependencies.filter((d) => !localOf(d).length).map((d) => ({ asset, name: d })),
  );

  const organizationsOf = [...new Set(assets.map((a) => a.organization))];
  const resolver = await NameResolver.prepare(lookup, [
    ...organizationsOf.map((name) => ({ name, groups: ['Provider'] as KindGroup[] })),
    ...assets.map((a) => ({ name: a.name, owners: [a.organization], groups: [GROUP[a.type]] })),
    ...externalDependencies.map(({ name }) => ({ name, groups: LINEAGE_GROUPS })),
  ]);

  const providerIds = placeProviders(assets, organizationsOf, resolver);
  const placed = await placeAssets(assets, byName, providerIds, resolver, lookup, notes);

  // Only what is not stored yet is written: an import links to stored records, never rewrites them.
  const known = await lookup.kindsOf([
    ...providerIds.values(),
    ...[...placed.values()].map((p) => p.id),
  ]);
  let linked = 0;
  for (const [organization, id] of providerIds) {
    if (known.has(id) || builder.hasNode(id)) continue;
    const first = assets.find((a) => a.organization === organization)!;
    const table = organisations.ofProvider(id);
    builder.addNode(
      parseRecord(
        entityInputSchema,
        {
          id,
          kind: 'Provider',
          name: table?.name ?? organization,
          sources: [sourceOf(first), ...(table?.sources.slice(0, 3) ?? [])],
          ...importedFrom(FORMAT, first.at),
        },
        first.at,
      ),
    );
  }
  for (const asset of assets) {
    const { id, kind } = placed.get(asset)!;
    if (known.has(id)) linked++;
    else if (!builder.hasNode(id)) builder.addNode(nodeOf(asset, id, kindOf(asset, byName, kind)));
    if (!known.has(id) || kind === undefined) {
      builder.addRelationship(
        parseRecord(
          relationshipInputSchema,
          {
            type: asset.type === 'application' ? 'OPERATED_BY' : 'DEVELOPED_BY',
            from: id,
            to: providerIds.get(asset.organization),
            sources: [sourceOf(asset)],
            ...importedLink(FORMAT, asset.at, 'exact'),
          },
          asset.at,
        ),
      );
    }
  }

  const dependencies = assets.flatMap((asset) =>
    asset.dependencies.flatMap((dependency) => {
      const target = dependencyTarget(
        asset,
        dependency,
        localOf(dependency),
        placed,
        resolver,
        notes,
      );
      return target ? [{ asset, target, stored: !localOf(dependency).length }] : [];
    }),
  );
  // A node's date is the store's where it is stored (its record is not rewritten), else the file's.
  const dateOf = new Map<string, string>();
  for (const asset of assets) {
    const date = isoDate(asset.createdDate);
    if (date && !dateOf.has(placed.get(asset)!.id)) dateOf.set(placed.get(asset)!.id, date);
  }
  const storedIds = [
    ...new Set([
      ...[...placed.values()].filter((p) => known.has(p.id)).map((p) => p.id),
      ...dependencies.filter((d) => d.stored).map((d) => d.target.id),
    ]),
  ];
  for (const id of storedIds) dateOf.delete(id);
  for (const [id, date] of await storedReleases(lookup, storedIds)) dateOf.set(id, date);

  const lineage = dependencies.map(({ asset, target }) => {
    const from = placed.get(asset)!;
    const validFrom = dependencyStart(asset.type, dateOf.get(from.id), dateOf.get(target.id));
    return parseRecord(
      relationshipInputSchema,
      {
        type: relationFor(asset.type, target.group),
        from: from.id,
        to: target.id,
        declared: true,
        ...(validFrom ? { validFrom } : {}),
        sources: [sourceOf(asset)],
        ...importedLink(FORMAT, asset.at, weakerMatch(from.method ?? 'exact', target.method)),
      },
      asset.at,
    );
  });
  const { kept, selfLoops, onCycles } = refuseCycles(lineage);
  notes.selfLoops.push(...selfLoops.map((r) => `${describeEdge(r)} (a dependency on itself)`));
  notes.cycles.push(...onCycles.map(describeEdge).sort());
  for (const relationship of kept) builder.addRelationship(relationship);
  return {
    format: FORMAT,
    records: assets.length,
    batch: builder.build(),
    linked,
    notes,
    matches: resolver.records,
  };
}

/**
 * Each organisation's provider: the curated table's, else a curated stored provider of that
 * name, else one of its own (`provider:<slug>`, or the stored id that slug names in another case).
 */
function placeProviders(
  assets: Asset[],
  organizationNames: string[],
  resolver: NameResolver,
): Map<string, string> {
  const providerIds = new Map<string, string>();
  for (const organization of organizationNames) {
    const at = assets.find((a) => a.organization === organization)!.at;
    const table = organisations.named(organization);
    if (table) {
      providerIds.set(organization, table.providerId);
      continue;
    }
    const stored = resolver.resolveAt(
      { name: organization, groups: ['Provider'] },
      at,
      'organization',
    );
    providerIds.set(
      organization,
      stored.outcome === 'matched' ? stored.id : `provider:${slugify(organization)}`,
    );
  }
  return providerIds;
}

/** Where each asset lives: the stored node it is, or an id of its own. */
async function placeAssets(
  assets: Asset[],
  byName: Map<string, Asset[]>,
  providerIds: Map<string, string>,
  resolver: NameResolver,
  lookup: NodeLookup,
  notes: ReturnType<typeof emptyNotes>,
): Promise<Map<Asset, Placed>> {
  // Two different names that slugify alike ("Command R", "Command R+") each get a hash suffix.
  const slugOf = (asset: Asset) =>
    `${PREFIX[asset.type]}:${providerIds.get(asset.organization)!.slice('provider:'.length)}/${slugify(asset.name)}`;
  const namesBySlug = new Map<string, Set<string>>();
  for (const asset of assets)
    namesBySlug.set(
      slugOf(asset),
      (namesBySlug.get(slugOf(asset)) ?? new Set()).add(asset.name.toLowerCase()),
    );
  const generatedOf = (asset: Asset) =>
    namesBySlug.get(slugOf(asset))!.size > 1
      ? `${slugOf(asset)}-${shortHash(asset.name.toLowerCase())}`
      : slugOf(asset);

  const placed = new Map<Asset, Placed>();
  const atOf = new Map(assets.map((asset) => [asset.at, asset]));
  for (const asset of assets) {
    const group = GROUP[asset.type];
    const found = resolver.resolveAt(
      { name: asset.name, owners: [asset.organization], groups: [group] },
      asset.at,
      'asset',
    );
    if (found.outcome === 'ambiguous')
      notes.ambiguous.push(
        `${asset.at}: '${asset.name}' could be ${found.candidates.join(' or ')}; kept apart as ${generatedOf(asset)}`,
      );
    // Two assets of one name are kept apart from any stored node: which one it is, is unknown.
    // The node an earlier import of this asset made is its own id, whatever rule found it: a
    // re-import must read the same as the first (matchedBy included).
    if (found.outcome === 'matched' && byName.get(asset.name)!.length === 1) {
      const own = found.id === generatedOf(asset) || found.id.startsWith(`${generatedOf(asset)}-`);
      const method = own ? 'exact' : found.method;
      placed.set(asset, { id: found.id, group, kind: found.kind, method });
    } else placed.set(asset, { id: generatedOf(asset), group });
  }

  // A new id that a stored node has in another letter case is not this asset's (the matching
  // rules said so): it takes a suffix of its own.
  const fresh = [...placed.values()].filter((p) => p.method === undefined);
  const folded = await lookup.storedIdsFolded(fresh.map((p) => p.id));
  for (const [asset, place] of placed) {
    const stored = place.method === undefined ? folded.get(place.id) : undefined;
    // The very id is this asset's own node from an earlier import: it links to it.
    if (!stored || stored.id === place.id) continue;
    const apart = `${place.id}-${shortHash(`${asset.organization}/${asset.name}`)}`;
    notes.remarks.push(
      `${asset.at}: '${asset.name}' is not the stored ${stored.id}; filed as ${apart}`,
    );
    placed.set(asset, { ...place, id: apart });
  }
  for (const entry of resolver.records) {
    if (entry.role !== 'asset' || entry.resolution.outcome === 'matched') continue;
    const asset = atOf.get(entry.at);
    if (asset) entry.createdAs = placed.get(asset)!.id;
  }
  return placed;
}

/** The node a dependency names: an asset of the files first, then a stored node by the rules. */
function dependencyTarget(
  asset: Asset,
  dependency: string,
  local: Asset[],
  placed: Map<Asset, Placed>,
  resolver: NameResolver,
  notes: ReturnType<typeof emptyNotes>,
): { id: string; group: KindGroup; method: MatchMethod } | undefined {
  if (local.length) {
    // Two assets of one name and organisation are one node: that is no ambiguity.
    const targets = [...new Map(local.map((a) => [placed.get(a)!.id, placed.get(a)!])).values()];
    const record = (resolution: Resolution) =>
      resolver.record({
        at: asset.at,
        role: 'dependency',
        name: dependency,
        owners: [],
        resolution,
      });
    if (targets.length > 1) {
      const candidates = targets.map((t) => t.id);
      notes.ambiguous.push(
        `${asset.at}: '${asset.name}' depends on '${dependency}', which could be ${candidates.join(' or ')}`,
      );
      record({ outcome: 'ambiguous', reason: 'several assets carry this name', candidates });
      return undefined;
    }
    const target = targets[0]!;
    const method = local.some((a) => a.name === dependency) ? 'exact' : 'alias';
    record({
      outcome: 'matched',
      id: target.id,
      kind: target.kind ?? kindOfGroup(target.group),
      method,
    });
    return { id: target.id, group: target.group, method };
  }
  const found = resolver.resolveAt(
    { name: dependency, groups: LINEAGE_GROUPS },
    asset.at,
    'dependency',
    notes,
  );
  if (found.outcome !== 'matched') return undefined;
  return { id: found.id, group: kindGroup(found.kind), method: found.method };
}

/** A kind for a record of an asset not yet typed (only its group is known). */
function kindOfGroup(group: KindGroup): NodeKind {
  return group === 'Model' ? 'BaseModel' : group;
}

/** Ecosystem Graphs does not say how a model derives from another: one that depends on a model is filed as a fine-tune. */
function kindOf(
  asset: Asset,
  byName: Map<string, Asset[]>,
  stored: NodeKind | undefined,
): NodeKind {
  if (stored) return stored;
  if (asset.type === 'dataset') return 'Dataset';
  if (asset.type === 'application') return 'Deployment';
  const onModels = asset.dependencies.some((d) => byName.get(d)?.some((a) => a.type === 'model'));
  return onModels ? 'FineTune' : 'BaseModel';
}

function nodeOf(asset: Asset, id: string, kind: NodeKind) {
  const access =
    typeof asset.access === 'string' && KNOWN_ACCESS.has(asset.access.trim().toLowerCase())
      ? asset.access.trim().toLowerCase()
      : undefined;
  const users =
    typeof asset.monthlyActiveUsers === 'number' && Number.isInteger(asset.monthlyActiveUsers)
      ? asset.monthlyActiveUsers
      : undefined;
  const url = httpUrl(asset.url);
  return parseRecord(
    entityInputSchema,
    {
      id,
      kind,
      name: asset.name.slice(0, 300),
      sources: [sourceOf(asset), ...(url ? [url] : [])],
      ...(isoDate(asset.createdDate) ? { releasedAt: isoDate(asset.createdDate) } : {}),
      ...(meaningful(asset.license) ? { license: meaningful(asset.license) } : {}),
      ...(access ? { access } : {}),
      ...(users !== undefined && kind === 'Deployment' ? { monthlyActiveUsers: users } : {}),
      ...importedFrom(FORMAT, asset.at),
    },
    asset.at,
  );
}
