import {
  checkBatchShape,
  checkEndpoints,
  conflict,
  cycleError,
  isDomainError,
  LINEAGE_RELATIONS,
  MODEL_KINDS,
  labelsOf,
  relationshipKey,
  validationError,
  type GraphBatch,
  type NodeKind,
  type RelationType,
} from '@lineage/domain';
import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import { chunks, groupBy } from './collections';
import type { Connection } from './connection';
import { withStoredLists } from './entity-props';
import { lineageDeltaProps, lineageChangeItems, type LineageChange } from './lineage-delta-record';
import { transactionLookup, type StoreLookup } from './lookup-store';
import { decodeProps, encodeProps, type PlainProps } from './values';
import { lineageChangeOfWrite } from './write-lineage-delta';
import { planNodes, planRelationships, type Counts, type RelationshipRow } from './write-plan';

export type { Counts } from './write-plan';

/** Who made a change and why: recorded as a Change node beside the write. */
export interface ChangeInfo {
  by: string;
  action: string;
  summary: string;
}

export interface WriteReport {
  nodes: Counts;
  relationships: Counts;
  /** The graph version after the write; it moves only when something changed. */
  graphVersion: number;
  changed: boolean;
}

const LINEAGE_PATTERN = LINEAGE_RELATIONS.join('|');

// Neo4j plans a query with the statistics it has when the text is first seen and caches the
// plan; planned on an empty store, a lookup of 10,000 relationships later scanned the whole id
// index for every row (362 million rows, two minutes instead of 0.2 s). So lookups by id carry
// USING INDEX SEEK (plain USING INDEX was once satisfied by a scan), relationships are found by
// expanding from their start (few outgoing edges per node), and the relationship lookups
// replan on every run (a few milliseconds).

// Every write locks the Meta node first: writes are serialised, so the diff below cannot race
// another writer, and the version bump reads the committed value.
export const LOCK_META = `
  MERGE (m:Meta {key: 'graph'})
  ON CREATE SET m.graphVersion = 0
  SET m.writeLock = true
  REMOVE m.writeLock
  RETURN m.graphVersion AS graphVersion, m.importLock AS importLock,
         toString(m.importLockSince) AS importLockSince`;

type ChangeCounts = Record<
  | 'nodesCreated'
  | 'nodesUpdated'
  | 'relationshipsCreated'
  | 'relationshipsUpdated'
  | 'relationshipsRemoved'
  | 'nodesRemoved',
  number
>;

/**
 * RECORD_CHANGE's parameters: who and why, every count (0 unless given), whether the lineage
 * itself (its nodes, their kinds and dates, its edges) changed, true unless the writer knows
 * better, and what the write did to it (`delta`), which a projection applies instead of
 * rebuilding. Without a delta a lineage change is "unknown": projections rebuild.
 */
export function changeRecord(
  change: ChangeInfo,
  counts: Partial<ChangeCounts>,
  lineageChanged = true,
  delta?: LineageChange,
) {
  return {
    ...change,
    lineageChanged,
    ...lineageDeltaProps(lineageChanged ? delta : undefined),
    nodesCreated: 0,
    nodesUpdated: 0,
    relationshipsCreated: 0,
    relationshipsUpdated: 0,
    relationshipsRemoved: 0,
    nodesRemoved: 0,
    ...counts,
  };
}

const FETCH_NODES = `
  MATCH (n:Entity) USING INDEX SEEK n:Entity(id) WHERE n.id IN $ids
  RETURN n.id AS id, properties(n) AS props`;

const FETCH_RELATIONSHIPS = `
  CYPHER replan=force
  UNWIND $keys AS key
  MATCH (a:Entity {id: key.from}) USING INDEX SEEK a:Entity(id)
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) = key.type AND b.id = key.to
  RETURN key.from AS from, key.type AS type, key.to AS to, properties(r) AS props`;

// A model may be re-classified (curated data refining an import's guess): its old kind label
// goes. Ids fix the group (model:, dataset:, ...), so nothing else can change kind.
export const upsertNodes = (labels: string[]) => `
  UNWIND $rows AS row
  MERGE (n:Entity {id: row.id})
  SET n = row.props, n.idKey = toLower(row.id)
  ${labels.includes('Model') ? `REMOVE n:${MODEL_KINDS.join(':')}` : ''}
  SET n:${labels.join(':')}`;

export const upsertRelationships = (type: RelationType) => `
  UNWIND $rows AS row
  MATCH (a:Entity {id: row.from}) USING INDEX SEEK a:Entity(id)
  MATCH (b:Entity {id: row.to}) USING INDEX SEEK b:Entity(id)
  MERGE (a)-[r:${type}]->(b)
  SET r = row.props`;

// SHORTEST 1 from the new parent back to the child is one breadth-first search per new edge.
const FIND_CYCLE = `
  UNWIND $pairs AS pair
  MATCH (child:Entity {id: pair.from}) USING INDEX SEEK child:Entity(id)
  MATCH (parent:Entity {id: pair.to}) USING INDEX SEEK parent:Entity(id)
  MATCH p = SHORTEST 1 (parent)-[:${LINEAGE_PATTERN}]->+(child)
  RETURN pair.type AS type, [n IN nodes(p) | n.id] AS path
  LIMIT 1`;

// Ids are case-sensitive (Hugging Face's are), but two that differ only in case are one thing
// written twice ("deepseek-ai/deepseek-v3" beside "deepseek-ai/DeepSeek-V3"): refused.
const FIND_CASE_TWINS = `
  UNWIND $rows AS row
  MATCH (n:Entity) USING INDEX n:Entity(idKey) WHERE n.idKey = toLower(row.id) AND n.id <> row.id
  RETURN row.id AS id, n.id AS stored
  LIMIT 5`;

const FIND_ORIGIN_MITIGATING = `
  MATCH (m:Entity)-[:MITIGATES]->(d:Defect)-[:AFFECTS]->(m)
  WHERE d.id IN $defectIds
  RETURN m.id AS node, d.id AS defect
  LIMIT 5`;

export const RECORD_CHANGE = `
  MATCH (m:Meta {key: 'graph'})
  SET m.graphVersion = m.graphVersion + 1
  CREATE (c:Change {
    graphVersion: m.graphVersion, at: datetime(), by: $by, action: $action, summary: $summary,
    nodesCreated: $nodesCreated, nodesUpdated: $nodesUpdated,
    relationshipsCreated: $relationshipsCreated, relationshipsUpdated: $relationshipsUpdated,
    relationshipsRemoved: $relationshipsRemoved, nodesRemoved: $nodesRemoved,
    lineageChanged: $lineageChanged, lineageDelta: $lineageDelta,
    lineageDeltaItems: $lineageDeltaItems
  })
  RETURN m.graphVersion AS graphVersion`;

/** Rows written so far out of those the batch changes, for a progress bar on long imports. */
export type WriteProgress = (written: number, total: number) => void;

/**
 * Writes a batch in one transaction: nodes and relationships are upserted (each changing only
 * what its input names), patches applied, lineage cycles and self-mitigating origins refused,
 * and the graph version bumped with a Change record. Any error rolls everything back.
 */
export async function writeBatch(
  connection: Connection,
  batch: GraphBatch,
  change: ChangeInfo,
  onProgress: WriteProgress = () => {},
): Promise<WriteReport> {
  checkBatchShape(batch);
  return connection.inWriteTransaction(async (tx) =>
    writeLocked(tx, await lockWrites(tx), batch, change, onProgress),
  );
}

/** What a planned write computes from the store: at least the batch to write. */
export interface Planned {
  batch: GraphBatch;
}

/**
 * A write whose batch depends on what is stored (an import reconciling names with stored
 * nodes): `plan` runs inside the write transaction, after the write lock, with lookups that
 * read through it, so no other writer can change what it decided from before the commit.
 * The driver may run `plan` again if the transaction is retried.
 */
export async function writePlanned<P extends Planned>(
  connection: Connection,
  plan: (lookup: StoreLookup, lockedVersion: number) => Promise<P>,
  change: (planned: P) => ChangeInfo,
  onProgress: WriteProgress = () => {},
): Promise<{ planned: P; report: WriteReport }> {
  // The plan's own errors (a file it cannot read) are not database errors: they leave as thrown.
  // The driver's (from its lookups) are mapped, and retried when transient, as any write's.
  let planFailure: unknown;
  try {
    return await connection.inWriteTransaction(async (tx) => {
      const graphVersion = await lockWrites(tx);
      let planned: P;
      try {
        planned = await plan(transactionLookup(tx), graphVersion);
      } catch (error) {
        if (!(error instanceof Neo4jError)) planFailure = error;
        throw error;
      }
      checkBatchShape(planned.batch);
      const report = await writeLocked(
        tx,
        graphVersion,
        planned.batch,
        change(planned),
        onProgress,
      );
      return { planned, report };
    });
  } catch (error) {
    if (planFailure !== undefined && !isDomainError(planFailure)) throw planFailure;
    throw error;
  }
}

/**
 * Takes the write lock; answers the committed graph version. A chunked import holds the graph
 * between its transactions (staged-import.ts): every other write is refused meanwhile, at
 * once rather than queued, since an import may hold it for minutes.
 */
export async function lockWrites(tx: ManagedTransaction): Promise<number> {
  const lock = await tx.run(LOCK_META);
  const record = lock.records[0];
  const importLock = record?.get('importLock') as string | null;
  if (importLock)
    throw conflict(
      `an import (${importLock}) has held the graph since ${record?.get('importLockSince') as string}; write again when it ends`,
      { importId: importLock },
    );
  return record?.get('graphVersion') as number;
}

export async function writeLocked(
  tx: ManagedTransaction,
  lockedVersion: number,
  batch: GraphBatch,
  change: ChangeInfo,
  onProgress: WriteProgress,
): Promise<WriteReport> {
  let graphVersion = lockedVersion;
  const now = new Date().toISOString();

  const existingNodes = await fetchNodes(tx, batch);
  const kindOf = kindLookup(batch, existingNodes);
  checkEndpoints(batch.relationships, kindOf);

  const nodePlan = planNodes(batch, existingNodes, now);
  await refuseCaseTwins(
    tx,
    batch.nodes.map((node) => node.id).filter((id) => !existingNodes.has(id)),
  );
  const existingRelationships = await fetchRelationships(tx, batch);
  const relationshipPlan = planRelationships(batch, existingRelationships);

  const total = nodePlan.writes.length + relationshipPlan.writes.length;
  let written = 0;
  const wrote = (rows: number) => onProgress((written += rows), total);
  for (const [kind, rows] of groupBy(nodePlan.writes, (row) => row.props.kind as NodeKind)) {
    for (const chunk of chunks(rows)) {
      await tx.run(upsertNodes(labelsOf(kind)), {
        rows: chunk.map((row) => ({ id: row.id, props: encodeProps(row.props) })),
      });
      wrote(chunk.length);
    }
  }
  for (const [type, rows] of groupBy(relationshipPlan.writes, (row) => row.type)) {
    for (const chunk of chunks(rows)) {
      await tx.run(upsertRelationships(type), {
        rows: chunk.map((row) => ({ ...row, props: encodeProps(row.props) })),
      });
      wrote(chunk.length);
    }
  }
  await refuseCycles(tx, relationshipPlan.createdLineage);
  await refuseOriginMitigations(tx, relationshipPlan.writes);

  const changed = total > 0;
  if (changed) {
    const lineage = lineageChangeOfWrite(
      nodePlan.writes,
      existingNodes,
      relationshipPlan.writes,
      existingRelationships,
    );
    const result = await tx.run(
      RECORD_CHANGE,
      changeRecord(
        change,
        {
          nodesCreated: nodePlan.counts.created,
          nodesUpdated: nodePlan.counts.updated,
          relationshipsCreated: relationshipPlan.counts.created,
          relationshipsUpdated: relationshipPlan.counts.updated,
        },
        lineageChangeItems(lineage) > 0,
        lineage,
      ),
    );
    graphVersion = result.records[0]?.get('graphVersion') as number;
  }
  return {
    nodes: nodePlan.counts,
    relationships: relationshipPlan.counts,
    graphVersion,
    changed,
  };
}

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

export async function refuseCaseTwins(tx: ManagedTransaction, createdIds: string[]) {
  const twins: string[] = [];
  const byKey = new Map<string, string>();
  for (const id of createdIds) {
    const earlier = byKey.get(id.toLowerCase());
    if (earlier !== undefined && earlier !== id) twins.push(`'${id}' and '${earlier}' (both new)`);
    byKey.set(id.toLowerCase(), id);
  }
  for (const chunk of chunks(createdIds)) {
    const result = await tx.run(FIND_CASE_TWINS, { rows: chunk.map((id) => ({ id })) });
    for (const record of result.records)
      twins.push(`'${record.get('id') as string}' (stored as '${record.get('stored') as string}')`);
  }
  if (twins.length)
    throw validationError(
      `${twins.length} new id(s) differ from another only in letter case; use the stored id`,
      twins.slice(0, 20),
    );
}

export async function refuseCycles(
  tx: ManagedTransaction,
  created: { type: RelationType; from: string; to: string }[],
) {
  for (const chunk of chunks(created)) {
    const result = await tx.run(FIND_CYCLE, { pairs: chunk });
    const record = result.records[0];
    if (!record) continue;
    const path = record.get('path') as string[];
    const child = path[path.length - 1]!;
    throw cycleError(`${child} -[${record.get('type') as string}]-> ${path[0]}`, [child, ...path]);
  }
}

export async function refuseOriginMitigations(tx: ManagedTransaction, writes: RelationshipRow[]) {
  const defectIds = new Set<string>();
  for (const write of writes) {
    if (write.type === 'MITIGATES') defectIds.add(write.to);
    if (write.type === 'AFFECTS') defectIds.add(write.from);
  }
  if (!defectIds.size) return;
  const result = await tx.run(FIND_ORIGIN_MITIGATING, { defectIds: [...defectIds] });
  if (!result.records.length) return;
  const problems = result.records.map(
    (record) =>
      `'${record.get('node') as string}' is an origin of '${record.get('defect') as string}' and cannot mitigate it`,
  );
  throw validationError('an origin cannot mitigate its own defect', problems);
}
