import { PackageURL } from 'packageurl-js';
import type { KindGroup, MatchMethod, NodeKind } from '@lineage/domain';
import { slugify } from '../ids';
import { NameResolver, type NameReference, type Resolution } from '../matching/name-resolver';
import type { ImportNotes, NodeLookup, StoredSnapshot } from '../plan';
import { property, type BomDocument, type BomPart } from './bom-document';
import { PROPERTY } from './export-bom';
import { fitsSegment } from '../hf/repo-id';
import { hubDatasetOf, hubModelOf, ownerOf } from './hub-id';
import { developerOf, operatorOf, ownerNamed, type BomOwner } from './owners';
import { componentVersion, onSnapshot } from './versions';

/** What a part of the BOM is in the graph. */
export interface PartIdentity {
  id: string;
  /** Its kind when it is a stored node, which the import links to and leaves as it is. */
  storedKind?: NodeKind;
  method: MatchMethod;
  /** Its developer (a model, a dataset) or operator (a deployment), and whether it is stored. */
  owner?: BomOwner & { stored: boolean };
}

const PREFIX: Partial<Record<KindGroup, string>> = {
  Model: 'model',
  Dataset: 'dataset',
  Deployment: 'deployment',
};

function purlNamespace(purl: string | undefined): string | undefined {
  try {
    return purl ? PackageURL.fromString(purl).namespace : undefined;
  } catch {
    return undefined;
  }
}

/** A name as an id segment: as written when it fits (hub names keep their case), else a slug. */
const segment = (text: string, group: KindGroup) =>
  group !== 'Deployment' && fitsSegment(text) ? text : slugify(text);

/**
 * The id a part gets when nothing stored is it: its Hugging Face id exactly as written, else
 * its owner's provider tail (supplier, group, purl namespace, the BOM's own supplier) and its
 * name. Undefined when it names no owner at all: an owner is never invented.
 */
function newIdOf(
  part: BomPart,
  hubId: string | undefined,
  owner: BomOwner | undefined,
  bomOwner: BomOwner | undefined,
) {
  const prefix = PREFIX[part.group]!;
  if (hubId) return `${prefix}:${hubId}`;
  const { component } = part;
  const tail =
    owner?.providerId.slice('provider:'.length) ??
    (component.group ? segment(component.group, part.group) : undefined) ??
    purlNamespace(component.purl) ??
    bomOwner?.providerId.slice('provider:'.length);
  const name = segment(component.name!, part.group);
  if (tail) return `${prefix}:${tail}/${name}`;
  return part.group === 'Dataset' ? `${prefix}:${name}` : undefined;
}

/**
 * The resolver's answer, except that a Hugging Face id names one repository: only that id (or
 * a reviewed match) is it, never a namesake another owner uploaded or a curated model of the
 * same name that the owner-name or alias rule would offer.
 */
function resolveComponent(
  resolver: NameResolver,
  reference: NameReference,
  hubId: string | undefined,
): Resolution {
  const resolution = resolver.resolve(reference);
  if (!hubId || resolution.outcome !== 'matched') return resolution;
  if (resolution.method === 'exact' || resolution.method === 'reviewed') return resolution;
  return {
    outcome: 'unresolved',
    reason: 'is not stored; a namesake is another repository',
    candidates: [resolution.id],
  };
}

/**
 * Ties each part to a stored node or to the id of a new one, by the resolver's rules: a
 * Hugging Face id joins only the node of that id (whatever its letter case), a name only a
 * node its supplier, group or purl namespace confirms (or a curated one), never a bare-name
 * upload. A new id that differs from a stored one only in case is the stored one.
 */
export async function identifyParts(
  parts: BomPart[],
  bom: BomDocument,
  file: string,
  lookup: NodeLookup,
  notes: ImportNotes,
) {
  const bomOwner =
    ownerNamed(bom.metadata?.supplier?.name) ?? ownerNamed(bom.metadata?.manufacturer?.name);
  const planned = parts.map((part) => {
    const { component } = part;
    const own = property(component, PROPERTY.id);
    const hubId =
      part.group === 'Model'
        ? hubModelOf(component)
        : part.group === 'Dataset'
          ? hubDatasetOf(component)
          : undefined;
    const owner = part.group === 'Deployment' ? operatorOf(component) : developerOf(component);
    const reference: NameReference = {
      name: hubId ?? component.name!,
      owners: [
        component.supplier?.name,
        component.provider?.name,
        component.manufacturer?.name,
        component.group,
        purlNamespace(component.purl),
        hubId && part.group === 'Model' ? ownerOf(hubId) : undefined,
      ].filter((o): o is string => !!o?.trim()),
      groups: [part.group],
    };
    return {
      part,
      own,
      hubId,
      owner,
      reference,
      newId: own ?? newIdOf(part, hubId, owner, bomOwner),
    };
  });
  const resolver = await NameResolver.prepare(
    lookup,
    planned.filter((p) => !p.own).map((p) => p.reference),
  );
  // The snapshots of the stored models that a versioned component may stand for.
  const versioned = planned.flatMap(({ part, own, hubId, reference }) => {
    const found = own ? undefined : resolveComponent(resolver, reference, hubId);
    return part.group === 'Model' &&
      componentVersion(part.component) &&
      found?.outcome === 'matched'
      ? [found.id]
      : [];
  });
  const snapshots = versioned.length
    ? ((await lookup.snapshotsOf?.(versioned)) ?? new Map<string, StoredSnapshot[]>())
    : new Map<string, StoredSnapshot[]>();
  const owners = planned.flatMap((p) => (p.owner ? [p.owner.providerId] : []));
  const folded = await lookup.storedIdsFolded([
    ...new Set([...planned.flatMap((p) => (p.newId ? [p.newId] : [])), ...owners]),
  ]);

  const identities = new Map<string, PartIdentity>();
  // Two spellings of one id in the BOM (`nousresearch/...`, `NousResearch/...`) are one node:
  // the first one met, as the store would refuse the second as a case twin.
  const firstSpelling = new Map<string, string>();
  const spelling = (id: string) => {
    if (!firstSpelling.has(id.toLowerCase())) firstSpelling.set(id.toLowerCase(), id);
    return firstSpelling.get(id.toLowerCase())!;
  };
  for (const { part, own, hubId, owner, reference, newId } of planned) {
    const at = `${file}#${part.ref}`;
    const storedOwner = owner && folded.get(owner.providerId);
    const fixedOwner = owner && {
      ...owner,
      providerId: storedOwner?.id ?? spelling(owner.providerId),
      stored: !!storedOwner,
    };
    const given = own ? undefined : resolveComponent(resolver, reference, hubId);
    const stored = newId ? folded.get(newId) : undefined;
    // An id the BOM implies that differs from a stored one only in case is that node.
    const resolution: Resolution | undefined =
      given?.outcome !== 'matched' && stored && !own
        ? { outcome: 'matched', id: stored.id, kind: stored.kind, method: 'exact' }
        : given;
    const version = part.group === 'Model' && !own ? componentVersion(part.component) : undefined;
    // The name means the family (the match record says so); the BOM's version, its snapshot.
    const snapshot = onSnapshot(resolution, version, snapshots, at, notes);
    const id =
      snapshot?.id ??
      (resolution?.outcome === 'matched'
        ? resolution.id
        : newId && (stored?.id ?? spelling(newId)));
    if (resolution) {
      resolver.record({
        at,
        role: 'component',
        name: reference.name,
        owners: [...(reference.owners ?? [])],
        resolution,
        ...(resolution.outcome !== 'matched' && id ? { createdAs: id } : {}),
        ...(version ? { version } : {}),
        ...(snapshot ? { snapshot: snapshot.id } : {}),
      });
      if (resolution.outcome !== 'matched' && resolution.candidates.length)
        notes[resolution.outcome].push(
          `${at}: component '${reference.name}' ${resolution.reason} (candidates: ${resolution.candidates.slice(0, 5).join(', ')}); ${id ? `imported as ${id}` : 'not imported'}`,
        );
    }
    if (!id) {
      notes.unresolved.push(
        `${at}: '${part.component.name}' names no supplier, group, purl or Hugging Face id to make its id from; not imported`,
      );
      continue;
    }
    const storedKind =
      snapshot?.kind ?? (resolution?.outcome === 'matched' ? resolution.kind : stored?.kind);
    identities.set(part.ref, {
      id,
      ...(storedKind ? { storedKind } : {}),
      method: resolution?.outcome === 'matched' ? resolution.method : 'exact',
      owner: fixedOwner,
    });
  }
  return { identities, matches: resolver.records };
}
