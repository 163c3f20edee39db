import { relationshipKey, validationError, type GraphBatch, type NodeKind } from '@lineage/domain';
import type { ManagedTransaction } from 'neo4j-driver';
import { chunks } from './collections';
import { withStoredLists } from './entity-props';
import { decodeProps, type PlainProps } from './values';

// Lookups by id carry USING INDEX SEEK (see write-store.ts for why), and relationships are
// found by expanding from their start inside a pattern comprehension, which no plan can start
// from the other end. They once replanned on every run instead: at a million nodes the
// relationship lookup took 50 ms of a 61 ms write that way, 1 ms without replanning.

const FETCH_NODES = `
  MATCH (n:Entity) USING INDEX SEEK n:Entity(id) WHERE n.id IN $ids
  RETURN n.id AS id, properties(n) AS props`;

export const FETCH_RELATIONSHIPS = `
  UNWIND $keys AS key
  MATCH (a:Entity {id: key.from}) USING INDEX SEEK a:Entity(id)
  UNWIND [(a)-[r]->(b:Entity) WHERE type(r) = key.type AND b.id = key.to | properties(r)] AS props
  RETURN key.from AS from, key.type AS type, key.to AS to, props`;

// Ids are case-sensitive (Hugging Face's are), but two that differ only in case are one thing
// written twice ("deepseek-ai/deepseek-v3" beside "deepseek-ai/DeepSeek-V3"): refused.
const FIND_CASE_TWINS = `
  UNWIND $rows AS row
  MATCH (n:Entity) USING INDEX n:Entity(idKey) WHERE n.idKey = toLower(row.id) AND n.id <> row.id
  RETURN row.id AS id, n.id AS stored`;

export async function fetchNodes(tx: ManagedTransaction, batch: GraphBatch) {
  const ids = new Set(batch.nodes.map((node) => node.id));
  for (const patch of batch.patches ?? []) ids.add(patch.id);
  for (const relationship of batch.relationships) {
    ids.add(relationship.from);
    ids.add(relationship.to);
  }
  const existing = new Map<string, PlainProps>();
  for (const chunk of chunks([...ids])) {
    const result = await tx.run(FETCH_NODES, { ids: chunk });
    for (const record of result.records) {
      existing.set(
        record.get('id') as string,
        withStoredLists(decodeProps(record.get('props') as object), 'node'),
      );
    }
  }
  return existing;
}

export function kindLookup(batch: GraphBatch, existing: Map<string, PlainProps>) {
  const kinds = new Map<string, NodeKind>();
  for (const [id, props] of existing) kinds.set(id, props.kind as NodeKind);
  for (const node of batch.nodes) kinds.set(node.id, node.kind);
  return (id: string) => kinds.get(id);
}

export async function fetchRelationships(tx: ManagedTransaction, batch: GraphBatch) {
  const existing = new Map<string, PlainProps>();
  const keys = batch.relationships.map(({ type, from, to }) => ({ type, from, to }));
  for (const chunk of chunks(keys)) {
    const result = await tx.run(FETCH_RELATIONSHIPS, { keys: chunk });
    for (const record of result.records) {
      const key = relationshipKey(record.toObject() as { type: string; from: string; to: string });
      existing.set(
        key,
        withStoredLists(decodeProps(record.get('props') as object), 'relationship'),
      );
    }
  }
  return existing;
}

/** Stored ids that differ from one of `ids` only in letter case: [id, stored] pairs. */
async function storedCaseTwins(tx: ManagedTransaction, ids: string[]): Promise<[string, string][]> {
  const twins: [string, string][] = [];
  for (const chunk of chunks(ids)) {
    const result = await tx.run(FIND_CASE_TWINS, { rows: chunk.map((id) => ({ id })) });
    for (const record of result.records)
      twins.push([record.get('id') as string, record.get('stored') as string]);
  }
  return twins;
}

/** Refuses new ids that differ from another only in case: a stored one or another new one. */
export function checkCaseTwins(createdIds: string[], stored: [string, string][]) {
  const created = new Set(createdIds);
  const twins: string[] = [];
  const byKey = new Map<string, string>();
  for (const id of createdIds) {
    const earlier = byKey.get(id.toLowerCase());
    if (earlier !== undefined && earlier !== id) twins.push(`'${id}' and '${earlier}' (both new)`);
    byKey.set(id.toLowerCase(), id);
  }
  for (const [id, storedAs] of stored) {
    if (created.has(id)) twins.push(`'${id}' (stored as '${storedAs}')`);
  }
  if (twins.length)
    throw validationError(
      `${twins.length} new id(s) differ from another only in letter case; use the stored id`,
      twins.slice(0, 20),
    );
}

export async function refuseCaseTwins(tx: ManagedTransaction, createdIds: string[]) {
  checkCaseTwins(createdIds, await storedCaseTwins(tx, createdIds));
}

/** What a write's diff needs from the store: the nodes and relationships it names, as stored. */
export interface StoredReads {
  nodes: Map<string, PlainProps>;
  relationships: Map<string, PlainProps>;
  /** Stored ids differing from a batch node's only in case (whether that node is new or not). */
  caseTwins: [string, string][];
}

/**
 * The reads of a write's diff, sent together: each function issues its first statement before
 * it waits, so one round trip carries them all (Neo4j runs them in the order sent).
 */
export async function readStored(tx: ManagedTransaction, batch: GraphBatch): Promise<StoredReads> {
  const [nodes, relationships, caseTwins] = await Promise.all([
    fetchNodes(tx, batch),
    fetchRelationships(tx, batch),
    storedCaseTwins(
      tx,
      batch.nodes.map((node) => node.id),
    ),
  ]);
  return { nodes, relationships, caseTwins };
}
