import {
  idSlug,
  kindGroup,
  nameKey,
  type KindGroup,
  type MatchMethod,
  type NodeKind,
} from '@lineage/domain';
import {
  organisations,
  type Organisation,
  type OrganisationIndex,
} from '../identity/organisations-index';
import type { NodeLookup, StoredCandidate } from '../plan';
import { ReviewDecisions } from './review-decisions';

/** A name in a source that may stand for a stored node. */
export interface NameReference {
  /** As the source writes it: a name, a Hugging Face repo id, or a Lineage id. */
  name: string;
  /** Whom the source says it belongs to (an organisation, developer, supplier), as written. */
  owners?: readonly string[];
  /** The kinds of node it may mean. */
  groups: readonly KindGroup[];
}

/** One name the import tried to tie to a node, where, and what came of it. */
export interface MatchRecord {
  /** Where in the source: "assets/lmsys.yaml:12", "AVID-2024-R0113". */
  at: string;
  /** What the name is to its record: "dependency", "artifact", "target", "component". */
  role: string;
  name: string;
  owners: string[];
  resolution: Resolution;
  /** The node the record became instead, when it joined none (an asset of its own). */
  createdAs?: string;
  /** The version the source names, kept even where no stored snapshot is that version. */
  version?: string;
  /**
   * The dated snapshot of the matched family that the record was filed on, found by the version
   * it names or the day it was made; the resolution stays the family, which is what the name means.
   */
  snapshot?: string;
}

export type Resolution =
  | { outcome: 'matched'; id: string; kind: NodeKind; method: MatchMethod }
  | { outcome: 'unresolved'; reason: string; candidates: string[] }
  | { outcome: 'ambiguous'; reason: string; candidates: string[] };

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const LINEAGE_ID = /^(model|dataset|deployment|provider|defect):\S+$/;

/** The Hugging Face owner of an id (`model:meta-llama/Llama-3.1-8B` -> `meta-llama`). */
export function hubOwnerOf(id: string): string | undefined {
  const rest = id.slice(id.indexOf(':') + 1);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : undefined;
}

/** The id a name gives outright: a Lineage id, or a Hugging Face repo id for a model. */
function idGiven(name: string): string | undefined {
  const trimmed = name.trim();
  if (LINEAGE_ID.test(trimmed)) return trimmed;
  if (HUB_ID.test(trimmed)) return `model:${trimmed}`;
  return undefined;
}

/**
 * Ties names in a source to stored nodes by the same ranked rules in every importer, and never
 * by a guess:
 * 1. a reviewed decision (`lineage review`) for this name and owner;
 * 2. `exact`: the name is an id (a Hugging Face repo id; letter case as the hub ignores it);
 * 3. `owner-name`: the name of a node whose hub owner or developer is an organisation the
 *    source states (its owner field or a vendor prefix such as "OpenAI GPT-4o");
 * 4. `alias`: the name or a declared alias of a curated node (seed, a person, a review) whose
 *    developer is not another organisation than the one stated.
 * A name that only an arbitrary upload carries stays unresolved, its candidates listed; two
 * equally good nodes are ambiguous. Either is reported, never forced into a node.
 */
export class NameResolver {
  /** Every resolution made through `resolveAt`, for the plan (`lineage import --plan`). */
  readonly records: MatchRecord[] = [];

  private constructor(
    private readonly byName: Map<string, StoredCandidate[]>,
    private readonly owned: Map<string, (StoredCandidate & { aliases: string[] })[]>,
    private readonly byId: Map<string, { id: string; kind: NodeKind }>,
    private readonly decisions: ReviewDecisions | undefined,
    private readonly table: OrganisationIndex,
  ) {}

  /** Reads what the references need from the store, in a few batched lookups. */
  static async prepare(
    lookup: NodeLookup,
    references: readonly NameReference[],
    options: { decisions?: ReviewDecisions; table?: OrganisationIndex } = {},
  ): Promise<NameResolver> {
    const table = options.table ?? organisations;
    const names = new Set<string>();
    const ids = new Set<string>();
    const owners = new Map<string, Organisation>();
    for (const reference of references) {
      for (const owner of reference.owners ?? []) {
        const organisation = table.named(owner);
        if (organisation) owners.set(organisation.providerId, organisation);
      }
      names.add(reference.name);
      const prefixed = table.vendorPrefix(reference.name);
      if (prefixed) {
        names.add(prefixed.rest);
        owners.set(prefixed.organisation.providerId, prefixed.organisation);
      }
      const id = idGiven(reference.name);
      if (id) ids.add(id);
    }
    const [byName, owned, byId, decisions] = await Promise.all([
      lookup.matchNames([...names]),
      lookup.nodesOwnedBy?.(
        [...owners.values()].map(({ providerId, hubOwners }) => ({ providerId, hubOwners })),
      ) ?? new Map<string, (StoredCandidate & { aliases: string[] })[]>(),
      lookup.storedIdsFolded([...ids]),
      options.decisions ?? lookup.reviewDecisions().then((list) => new ReviewDecisions(list)),
    ]);
    return new NameResolver(byName, owned, byId, decisions, table);
  }

  /** The organisations a reference states, from its owners and its vendor prefix. */
  ownersOf(reference: NameReference): Organisation[] {
    const found = (reference.owners ?? []).map((owner) => this.table.named(owner));
    const prefixed = this.table.vendorPrefix(reference.name);
    if (prefixed) found.push(prefixed.organisation);
    return [...new Set(found.filter((o): o is Organisation => o !== undefined))];
  }

  /**
   * Resolves a name of a record and keeps the result for the plan; what did not match is also
   * added to the import's notes, one line naming the record, the name and the candidates.
   */
  resolveAt(
    reference: NameReference,
    at: string,
    role: string,
    /** Where unresolved and ambiguous names are listed; left out where no match is normal. */
    notes?: { unresolved: string[]; ambiguous: string[] },
  ): Resolution {
    const resolution = this.resolve(reference);
    this.records.push({
      at,
      role,
      name: reference.name,
      owners: [...(reference.owners ?? [])],
      resolution,
    });
    if (notes && resolution.outcome !== 'matched') {
      const candidates = resolution.candidates.length
        ? ` (candidates: ${resolution.candidates.slice(0, 5).join(', ')}${resolution.candidates.length > 5 ? ', ...' : ''})`
        : '';
      notes[resolution.outcome].push(
        `${at}: ${role} '${reference.name}' ${resolution.reason}${candidates}`,
      );
    }
    return resolution;
  }

  /** Keeps a resolution the importer made itself (a name of its own files), for the plan. */
  record(entry: MatchRecord): void {
    this.records.push(entry);
  }

  resolve(reference: NameReference): Resolution {
    const reviewed = this.decisions?.decisionFor(reference.name, reference.owners ?? []);
    if (reviewed?.verdict === 'accept')
      return { outcome: 'matched', id: reviewed.id, kind: reviewed.kind, method: 'reviewed' };
    const rejected = new Set(reviewed?.verdict === 'reject' ? [reviewed.id] : []);
    const inGroups = (kind: NodeKind) => reference.groups.includes(kindGroup(kind));

    const id = idGiven(reference.name);
    const stored = id ? this.byId.get(id) : undefined;
    if (stored && inGroups(stored.kind) && !rejected.has(stored.id))
      return { outcome: 'matched', id: stored.id, kind: stored.kind, method: 'exact' };

    const prefixed = this.table.vendorPrefix(reference.name);
    const owners = this.ownersOf(reference);
    const keys = new Set([nameKey(reference.name), ...(prefixed ? [nameKey(prefixed.rest)] : [])]);
    const ownedNamed = owners.flatMap((o) =>
      (this.owned.get(o.providerId) ?? []).filter((c) =>
        [c.name, ...c.aliases, idSlug(c.id)].some((name) => keys.has(nameKey(name))),
      ),
    );
    const candidates = [
      ...new Map(
        [
          ...(this.byName.get(reference.name) ?? []),
          ...(prefixed ? (this.byName.get(prefixed.rest) ?? []) : []),
          ...ownedNamed,
        ]
          .filter((c) => inGroups(c.kind) && !rejected.has(c.id))
          .map((c) => [c.id, c]),
      ).values(),
    ];
    const listed = candidates.map((c) => c.id).sort();
    if (!candidates.length)
      return { outcome: 'unresolved', reason: 'matches no stored node', candidates: [] };

    if (owners.length) {
      const confirmed = candidates.filter((c) => owners.some((o) => this.belongsTo(c, o)));
      const best = preferCurated(confirmed);
      if (best.length === 1) return matched(best[0]!, 'owner-name');
      if (best.length > 1)
        return {
          outcome: 'ambiguous',
          reason: `several nodes of ${owners.map((o) => o.name).join(', ')} carry this name`,
          candidates: best.map((c) => c.id).sort(),
        };
    }
    // A bare name joins a curated node only, and not one another organisation developed.
    const curated = candidates.filter(
      (c) =>
        c.curated &&
        (!owners.length ||
          !c.developers.length ||
          owners.some((o) => c.developers.includes(o.providerId))),
    );
    if (curated.length === 1) return matched(curated[0]!, 'alias');
    // With no owner known, a repo name that exactly one organisation publishes under its own
    // hub account is that organisation's model: re-uploads by others carry the same name.
    const published = owners.length
      ? []
      : candidates.filter((c) => {
          const hubOwner = hubOwnerOf(c.id);
          return (
            hubOwner !== undefined &&
            this.table.ofHubOwner(hubOwner) !== undefined &&
            nameKey(idSlug(c.id)) === nameKey(reference.name)
          );
        });
    if (!curated.length && published.length === 1) return matched(published[0]!, 'owner-name');
    if (curated.length > 1)
      return {
        outcome: 'ambiguous',
        reason: 'several curated nodes carry this name',
        candidates: listed,
      };
    return {
      outcome: 'unresolved',
      reason: owners.length
        ? `no node of ${owners.map((o) => o.name).join(', ')} carries this name; only other owners' uploads do`
        : 'only uploads whose owner the source does not confirm carry this name',
      candidates: listed,
    };
  }

  private belongsTo(candidate: StoredCandidate, organisation: Organisation): boolean {
    if (candidate.developers.includes(organisation.providerId)) return true;
    const owner = hubOwnerOf(candidate.id);
    return owner !== undefined && this.table.ofHubOwner(owner) === organisation;
  }
}

function preferCurated(candidates: StoredCandidate[]): StoredCandidate[] {
  const curated = candidates.filter((c) => c.curated);
  return curated.length ? curated : candidates;
}

function matched(candidate: StoredCandidate, method: MatchMethod): Resolution {
  return { outcome: 'matched', id: candidate.id, kind: candidate.kind, method };
}
