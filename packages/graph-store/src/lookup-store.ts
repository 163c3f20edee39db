import { idSlug, isCurated, nameKey, type NodeKind, type Origin } from '@lineage/domain';
import type { ManagedTransaction, RecordShape } from 'neo4j-driver';
import type { Params } from './connection';
import { chunks } from './collections';
import { escapeLucene } from './entity-store';

export interface Candidate {
  id: string;
  kind: NodeKind;
  name: string;
  /** Written by the seed, a person or a review: a bare name may join it. */
  curated: boolean;
  /** The providers it is DEVELOPED_BY or OPERATED_BY. */
  developers: string[];
}

/** Reconciliation's reads (the importers' NodeLookup): over the store, or inside a write. */
export interface StoreLookup {
  matchNames(names: string[]): Promise<Map<string, Candidate[]>>;
  kindsOf(ids: string[]): Promise<Map<string, NodeKind>>;
  storedIdsFolded(ids: string[]): Promise<Map<string, { id: string; kind: NodeKind }>>;
  reviewDecisions(): Promise<StoredReviewDecision[]>;
  nodesOwnedBy(owners: OwnerQuery[]): Promise<Map<string, OwnedCandidate[]>>;
  snapshotsOf(familyIds: string[]): Promise<Map<string, StoredSnapshot[]>>;
  releasedAtOf(ids: string[]): Promise<Map<string, string>>;
}

/** A family's dated snapshot, and the periods the family's name POINTS_TO it. */
export interface StoredSnapshot {
  id: string;
  kind: NodeKind;
  name: string;
  version?: string;
  releasedAt?: string;
  pointedTo: { validFrom?: string; validTo?: string }[];
}

/** An organisation as a lookup asks for its nodes: its provider and its own hub owners. */
export interface OwnerQuery {
  providerId: string;
  hubOwners: string[];
}

/** A node an organisation owns, with every name it may be matched by. */
export interface OwnedCandidate extends Candidate {
  aliases: string[];
}

/** A person's verdict on a proposed match (see the importers' ReviewDecision). */
export interface StoredReviewDecision {
  name: string;
  owner: string;
  id: string;
  kind: NodeKind;
  verdict: 'accept' | 'reject';
  by: string;
  at: string;
  note?: string;
}

/** Runs one read query; a connection's auto-commit read or a statement of a transaction. */
export type Reader = <R extends RecordShape>(cypher: string, params: Params) => Promise<R[]>;

export function lookupThrough(read: Reader): StoreLookup {
  return {
    matchNames: (names) => matchNames(read, names),
    kindsOf: (ids) => kindsOf(read, ids),
    storedIdsFolded: (ids) => storedIdsFolded(read, ids),
    nodesOwnedBy: (owners) => nodesOwnedBy(read, owners),
    reviewDecisions: () => reviewDecisions(read),
    snapshotsOf: (familyIds) => snapshotsOf(read, familyIds),
    releasedAtOf: (ids) => releasedAtOf(read, ids),
  };
}

/**
 * Lookups that read inside a write transaction: they see what it holds locked. Their errors
 * stay the driver's, so it can retry the transaction on transient ones.
 */
export function transactionLookup(tx: ManagedTransaction): StoreLookup {
  return lookupThrough(async <R extends RecordShape>(cypher: string, params: Params) => {
    const result = await tx.run(cypher, params);
    return result.records.map((record) => record.toObject() as R);
  });
}

// The full-text index finds candidates sharing every word; the exact comparison of
// normalised keys below decides. An index lookup at any size of graph, no scan.
const CANDIDATES = `
  UNWIND $queries AS q
  CALL db.index.fulltext.queryNodes('entity_search', q.lucene, {limit: 100}) YIELD node
  RETURN q.name AS name, node.id AS id, node.kind AS kind, node.name AS nodeName,
         coalesce(node.aliases, []) AS aliases, node.origin AS origin,
         [(node)-[:DEVELOPED_BY|OPERATED_BY]->(p) | p.id] AS developers`;

// Decisions are few (one per reviewed name): all are read, and the importer keys them.
const DECISIONS = `
  MATCH (d:MatchDecision)
  RETURN d.name AS name, d.owner AS owner, d.id AS id, d.kind AS kind, d.verdict AS verdict,
         d.by AS by, toString(d.at) AS at, d.note AS note
  ORDER BY d.key`;

// An organisation's nodes: those under its hub owners' id prefixes (letter case folded, as the
// hub does), and those DEVELOPED_BY or OPERATED_BY its provider.
const OWNED = `
  UNWIND $owners AS owner
  CALL (owner) {
    UNWIND owner.prefixes AS prefix
    MATCH (n:Entity) USING INDEX n:Entity(idKey) WHERE n.idKey STARTS WITH prefix
    RETURN n
    UNION
    MATCH (n:Entity)-[:DEVELOPED_BY|OPERATED_BY]->(:Entity {id: owner.providerId})
    RETURN n
  }
  RETURN owner.providerId AS providerId, n.id AS id, n.kind AS kind, n.name AS name,
         coalesce(n.aliases, []) AS aliases, n.origin AS origin,
         [(n)-[:DEVELOPED_BY|OPERATED_BY]->(p) | p.id] AS developers`;

const FOLDED = `
  UNWIND $keys AS key
  MATCH (n:Entity) USING INDEX n:Entity(idKey) WHERE n.idKey = key
  RETURN key, n.id AS id, n.kind AS kind`;

// A family's snapshots: its SNAPSHOT_OF members and what its name POINTS_TO (either may be stated).
const SNAPSHOTS = `
  UNWIND $ids AS familyId
  MATCH (f:Entity {id: familyId})
  CALL (f) {
    MATCH (f)<-[:SNAPSHOT_OF]-(s:Entity) RETURN s
    UNION
    MATCH (f)-[:POINTS_TO]->(s:Entity) RETURN s
  }
  RETURN familyId, s.id AS id, s.kind AS kind, s.name AS name, s.version AS version,
         toString(s.releasedAt) AS releasedAt,
         [(f)-[p:POINTS_TO]->(s) | [toString(p.validFrom), toString(p.validTo)]] AS pointedTo
  ORDER BY familyId, id`;

const RELEASES = `
  MATCH (n:Entity) WHERE n.id IN $ids AND n.releasedAt IS NOT NULL
  RETURN n.id AS id, toString(n.releasedAt) AS releasedAt`;

const KINDS = `
  MATCH (n:Entity) WHERE n.id IN $ids
  RETURN n.id AS id, n.kind AS kind`;

/**
 * The exact phrase first (so namesakes with longer names cannot crowd it out), then every word.
 * The index's standard tokenizer keeps "adaptive_random_search" one token (and "v1.5"), while
 * a name may spell it "adaptive random search": a word with '_' is asked both ways.
 */
function candidateQuery(name: string): string | undefined {
  const words = (name.toLowerCase().match(/[\p{L}\p{N}_]+(?:\.\p{N}+)*/gu) ?? []).map(escapeLucene);
  const either = (word: string) => {
    const parts = word.split('_').filter(Boolean);
    return parts.length > 1 ? `(${word} OR (${parts.join(' AND ')}))` : parts[0];
  };
  const all = words.map(either).filter(Boolean);
  return all.length ? `"${words.join(' ')}"^10 OR (${all.join(' AND ')})` : undefined;
}

/**
 * Stored nodes each name may mean: those whose name, one of whose aliases, or whose id slug
 * has the same normalised key (nameKey). A vendor word leading the name is the resolver's to
 * read, through the curated organisations: dropping any first word joined "Reflection
 * Llama-3.1 70B" to Meta's Llama-3.1-70B.
 */
async function matchNames(read: Reader, names: string[]): Promise<Map<string, Candidate[]>> {
  const found = new Map<string, Candidate[]>();
  const unique = [...new Set(names)];
  for (const chunk of chunks(unique, 500)) {
    const queries = chunk
      .map((name) => ({ name, lucene: candidateQuery(name) }))
      .filter((query) => query.lucene);
    const rows = await read<{
      name: string;
      id: string;
      kind: NodeKind;
      nodeName: string;
      aliases: string[];
      origin: Origin | null;
      developers: string[];
    }>(CANDIDATES, { queries });
    const byName = new Map<string, typeof rows>();
    for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
    for (const name of chunk) {
      const candidates = byName.get(name) ?? [];
      const keysOf = (row: (typeof rows)[number]) =>
        new Set([row.nodeName, ...row.aliases, idSlug(row.id)].map(nameKey));
      const key = nameKey(name);
      const matches = candidates.filter((row) => keysOf(row).has(key));
      if (!matches.length) continue;
      const distinct = new Map(
        matches.map((row) => [
          row.id,
          {
            id: row.id,
            kind: row.kind,
            name: row.nodeName,
            curated: isCurated(row.origin ?? undefined),
            developers: row.developers,
          },
        ]),
      );
      found.set(name, [...distinct.values()]);
    }
  }
  return found;
}

/** The kinds of the ids that exist. */
async function kindsOf(read: Reader, ids: string[]): Promise<Map<string, NodeKind>> {
  const kinds = new Map<string, NodeKind>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await read<{ id: string; kind: NodeKind }>(KINDS, { ids: chunk });
    for (const row of rows) kinds.set(row.id, row.kind);
  }
  return kinds;
}

/**
 * The stored node each id names when letter case is ignored, keyed by the id asked: Hugging
 * Face resolves repo ids without case, so `deepseek-ai/deepseek-v3` is `deepseek-ai/DeepSeek-V3`.
 */
async function storedIdsFolded(
  read: Reader,
  ids: string[],
): Promise<Map<string, { id: string; kind: NodeKind }>> {
  const found = new Map<string, { id: string; kind: NodeKind }>();
  const askedBy = new Map<string, string[]>();
  for (const id of new Set(ids))
    askedBy.set(id.toLowerCase(), [...(askedBy.get(id.toLowerCase()) ?? []), id]);
  for (const chunk of chunks([...askedBy.keys()])) {
    const rows = await read<{ key: string; id: string; kind: NodeKind }>(FOLDED, { keys: chunk });
    for (const row of rows)
      for (const asked of askedBy.get(row.key) ?? [])
        found.set(asked, { id: row.id, kind: row.kind });
  }
  return found;
}

async function reviewDecisions(read: Reader): Promise<StoredReviewDecision[]> {
  const rows = await read<StoredReviewDecision & { note: string | null }>(DECISIONS, {});
  return rows.map(({ note, ...decision }) => (note ? { ...decision, note } : decision));
}

const OWNED_KINDS = ['model', 'dataset', 'deployment'];

/** Each organisation's nodes, by provider id: matched by exact keys, whatever the index's words. */
async function nodesOwnedBy(
  read: Reader,
  owners: OwnerQuery[],
): Promise<Map<string, OwnedCandidate[]>> {
  const found = new Map<string, OwnedCandidate[]>();
  for (const chunk of chunks(owners, 50)) {
    const rows = await read<{
      providerId: string;
      id: string;
      kind: NodeKind;
      name: string;
      aliases: string[];
      origin: Origin | null;
      developers: string[];
    }>(OWNED, {
      owners: chunk.map((owner) => ({
        providerId: owner.providerId,
        prefixes: owner.hubOwners.flatMap((hub) =>
          OWNED_KINDS.map((kind) => `${kind}:${hub.toLowerCase()}/`),
        ),
      })),
    });
    for (const { providerId, origin, ...row } of rows)
      found.set(providerId, [
        ...(found.get(providerId) ?? []),
        { ...row, curated: isCurated(origin ?? undefined) },
      ]);
  }
  return found;
}

/** Each family's snapshots with the periods its name pointed to each, by family id. */
async function snapshotsOf(
  read: Reader,
  familyIds: string[],
): Promise<Map<string, StoredSnapshot[]>> {
  const found = new Map<string, StoredSnapshot[]>();
  for (const chunk of chunks([...new Set(familyIds)])) {
    const rows = await read<{
      familyId: string;
      id: string;
      kind: NodeKind;
      name: string;
      version: string | null;
      releasedAt: string | null;
      pointedTo: [string | null, string | null][];
    }>(SNAPSHOTS, { ids: chunk });
    for (const { familyId, version, releasedAt, pointedTo, ...row } of rows)
      found.set(familyId, [
        ...(found.get(familyId) ?? []),
        {
          ...row,
          ...(version ? { version } : {}),
          ...(releasedAt ? { releasedAt } : {}),
          pointedTo: pointedTo.map(([validFrom, validTo]) => ({
            ...(validFrom ? { validFrom } : {}),
            ...(validTo ? { validTo } : {}),
          })),
        },
      ]);
  }
  return found;
}

/** The release day of each stored node that states one. */
async function releasedAtOf(read: Reader, ids: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await read<{ id: string; releasedAt: string }>(RELEASES, { ids: chunk });
    for (const row of rows) found.set(row.id, row.releasedAt);
  }
  return found;
}
