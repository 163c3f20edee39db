import {
  entityInputSchema,
  kindGroup,
  nameKey,
  relationshipInputSchema,
  type KindGroup,
  type NodeKind,
  type RelationType,
} from '@lineage/domain';
import { refuseCycles, describeEdge } from '../cycles';
import { httpUrl, isoDate, shortHash, slugify } from '../ids';
import { parseRecord } from '../parse-record';
import { BatchBuilder, emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { readAssets, type Asset, type AssetType } from './read-assets';

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

/** The relation a dependency gets from the kinds it joins; DEPENDS_ON where they do not say. */
function relationFor(from: AssetType, to: KindGroup): RelationType {
  if (from === 'model' && to === 'Dataset') return 'TRAINED_ON';
  if (from === 'dataset' && to === 'Model') return 'GENERATED_BY';
  if (from === 'application' && to === 'Model') return 'DEPLOYS';
  if (from === 'application' && to === 'Deployment') return 'BUILT_ON';
  return 'DEPENDS_ON';
}

const KNOWN_ACCESS = new Set(['open', 'limited', 'closed']);
const meaningful = (value: unknown) =>
  typeof value === 'string' && value.trim() && !/^(unknown|none|n\/a)$/i.test(value.trim())
    ? value.trim().slice(0, 200)
    : undefined;

const sourceOf = (asset: Asset) =>
  `https://github.com/stanford-crfm/ecosystem-graphs/blob/main/assets/${asset.file}`;

/**
 * Stanford Ecosystem Graphs: datasets, models and applications (as deployments), their
 * organisations as providers, and their dependencies, typed where the kinds decide it. A name
 * that matches one stored node of the right kind joins it; dependencies that match nothing,
 * or several things, are listed, never guessed.
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

  const stored = await lookup.matchNames([
    ...new Set([...assets.map((a) => a.name), ...assets.map((a) => a.organization)]),
  ]);
  const storedOf = (name: string, group: KindGroup) =>
    (stored.get(name) ?? []).filter((c) => kindGroup(c.kind) === group);

  // Providers: an organisation joins the stored provider of that name, or becomes one.
  const providerIds = new Map<string, string>();
  for (const organization of new Set(assets.map((a) => a.organization))) {
    const matches = storedOf(organization, 'Provider');
    if (matches.length > 1)
      notes.ambiguous.push(
        `organisation '${organization}' could be ${matches.map((m) => m.id).join(' or ')}; kept apart`,
      );
    providerIds.set(
      organization,
      matches.length === 1 ? matches[0]!.id : `provider:${slugify(organization)}`,
    );
  }

  // Assets: a stored node of the same name and kind is joined; anything else gets an id. Two
  // different names that slugify alike ("Command R", "Command R+") each get a hash suffix.
  const slugOf = (asset: Asset) =>
    `${PREFIX[asset.type]}:${slugify(providerIds.get(asset.organization)!.slice('provider:'.length))}/${slugify(asset.name)}`;
  const namesBySlug = new Map<string, Set<string>>();
  for (const asset of assets)
    namesBySlug.set(
      slugOf(asset),
      (namesBySlug.get(slugOf(asset)) ?? new Set()).add(asset.name.toLowerCase()),
    );
  const ids = new Map<Asset, { id: string; group: KindGroup; kind?: NodeKind }>();
  for (const asset of assets) {
    const group = GROUP[asset.type];
    const matches = storedOf(asset.name, group);
    const slug = slugOf(asset);
    const generated =
      namesBySlug.get(slug)!.size > 1 ? `${slug}-${shortHash(asset.name.toLowerCase())}` : slug;
    if (matches.length > 1)
      notes.ambiguous.push(
        `${asset.at}: '${asset.name}' could be ${matches.map((m) => m.id).join(' or ')}; kept apart as ${generated}`,
      );
    const joined =
      matches.length === 1 && byName.get(asset.name)!.length === 1 ? matches[0] : undefined;
    ids.set(asset, { id: joined?.id ?? generated, group, kind: joined?.kind });
  }

  // Only what is not stored yet is written: an import links to stored records, never rewrites them.
  const known = await lookup.kindsOf([
    ...providerIds.values(),
    ...[...ids.values()].map((v) => v.id),
  ]);
  let linked = 0;
  for (const [organization, id] of providerIds) {
    if (known.has(id)) continue;
    const first = assets.find((a) => a.organization === organization)!;
    builder.addNode(
      parseRecord(
        entityInputSchema,
        {
          id,
          kind: 'Provider',
          name: organization,
          sources: [sourceOf(first)],
        },
        first.at,
      ),
    );
  }
  for (const asset of assets) {
    const { id, kind } = ids.get(asset)!;
    if (known.has(id)) linked++;
    else if (!builder.hasNode(id)) builder.addNode(nodeOf(asset, id, kindOf(asset, byName, kind)));
    const type = asset.type === 'application' ? 'OPERATED_BY' : 'DEVELOPED_BY';
    if (!known.has(id) || kind === undefined) {
      builder.addRelationship(
        parseRecord(
          relationshipInputSchema,
          {
            type,
            from: id,
            to: providerIds.get(asset.organization),
            sources: [sourceOf(asset)],
          },
          asset.at,
        ),
      );
    }
  }

  // Dependencies: within the files first (exact name, then normalised), then the store.
  const byKey = new Map<string, Asset[]>();
  for (const asset of assets)
    byKey.set(nameKey(asset.name), [...(byKey.get(nameKey(asset.name)) ?? []), asset]);
  const external = await lookup.matchNames(
    assets.flatMap((a) => a.dependencies).filter((d) => !byName.has(d) && !byKey.has(nameKey(d))),
  );
  const lineage = [];
  for (const asset of assets) {
    for (const dependency of asset.dependencies) {
      const local = byName.get(dependency) ?? byKey.get(nameKey(dependency)) ?? [];
      const remote = (external.get(dependency) ?? []).filter((c) =>
        ['Model', 'Dataset', 'Deployment'].includes(kindGroup(c.kind)),
      );
      const found = local.length
        ? local.map((a) => ids.get(a)!)
        : remote.map((c) => ({ id: c.id, group: kindGroup(c.kind) }));
      // Two assets of one name and organisation are one node: that is no ambiguity.
      const targets = [...new Map(found.map((t) => [t.id, t])).values()];
      if (targets.length === 0) {
        notes.unresolved.push(
          `${asset.at}: '${asset.name}' depends on '${dependency}', which matches nothing`,
        );
      } else if (targets.length > 1) {
        notes.ambiguous.push(
          `${asset.at}: '${asset.name}' depends on '${dependency}', which could be ${targets.map((t) => t.id).join(' or ')}`,
        );
      } else {
        const target = targets[0]!;
        lineage.push(
          parseRecord(
            relationshipInputSchema,
            {
              type: relationFor(asset.type, target.group),
              from: ids.get(asset)!.id,
              to: target.id,
              declared: true,
              sources: [sourceOf(asset)],
            },
            asset.at,
          ),
        );
      }
    }
  }
  const { kept, selfLoops, onCycles } = refuseCycles(lineage);
  notes.selfLoops.push(...selfLoops.map((r) => `${describeEdge(r)} (a dependency on itself)`));
  notes.cycles.push(...onCycles.map(describeEdge).sort());
  for (const relationship of kept) builder.addRelationship(relationship);
  return {
    format: 'ecosystem-graphs',
    records: assets.length,
    batch: builder.build(),
    linked,
    notes,
    matches: [],
  };
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
    },
    asset.at,
  );
}
