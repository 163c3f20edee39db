import {
  checkBatchShape,
  checkEndpoints,
  conflict,
  cycleError,
  isDomainError,
  LINEAGE_RELATIONS,
  MODEL_KINDS,
  stopsPropagation,
  TRIAGE_STATES,
  labelsOf,
  validationError,
  type GraphBatch,
  type NodeKind,
  type RelationType,
} from '@lineage/domain';
import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import { chunks, groupBy } from './collections';
import type { Connection } from './connection';
import type { ChangeRow } from './change-feed';
import { lineageDeltaProps, lineageChangeItems, type LineageChange } from './lineage-delta-record';
import { transactionLookup, type StoreLookup } from './lookup-store';
import { encodeProps } from './values';
import { checkCaseTwins, kindLookup, readStored, type StoredReads } from './stored-reads';
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
// USING INDEX SEEK (plain USING INDEX was once satisfied by a scan), and relationships are found
// by expanding from their start (few outgoing edges per node): see stored-reads.ts.

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
 * Above this many ids a Change records none as touched: readers' caches then start afresh, as
 * they would for a write too large to name what it touched.
 */
export const TOUCHED_CAP = 1_000;

/**
 * RECORD_CHANGE's parameters: who and why, every count (0 unless given), whether the lineage
 * itself (its nodes, their kinds and dates, its edges) changed, true unless the writer knows
 * better, and what the write did to it (`delta`), which a projection applies instead of
 * rebuilding. Without a delta a lineage change is "unknown": projections rebuild.
 *
 * `touched`: every id whose node, outgoing or incoming relationships the write changed, so a
 * replica's read cache forgets only those (apps/api's read-cache.ts). Left out, or above the
 * cap, it is "unknown", and caches forget everything.
 */
export function changeRecord(
  change: ChangeInfo,
  counts: Partial<ChangeCounts>,
  lineageChanged = true,
  delta?: LineageChange,
  touched?: Iterable<string>,
) {
  const touchedIds = touched ? [...new Set(touched)] : undefined;
  return {
    ...change,
    lineageChanged,
    ...lineageDeltaProps(lineageChanged ? delta : undefined),
    touchedIds: touchedIds && touchedIds.length <= TOUCHED_CAP ? touchedIds : null,
    nodesCreated: 0,
    nodesUpdated: 0,
    relationshipsCreated: 0,
    relationshipsUpdated: 0,
    relationshipsRemoved: 0,
    nodesRemoved: 0,
    ...counts,
  };
}

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

// A triage that stops propagation (NOT_AFFECTED, FALSE_POSITIVE) says what a mitigation says.
const FIND_ORIGIN_MITIGATING = `
  MATCH (m:Entity)-[s:MITIGATES|TRIAGED]->(d:Defect)-[:AFFECTS]->(m)
  WHERE d.id IN $defectIds
    AND (type(s) = 'MITIGATES' OR s.state IN $stopping)
  RETURN m.id AS node, d.id AS defect, type(s) AS type, s.state AS state
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
    lineageDeltaItems: $lineageDeltaItems, touchedIds: $touchedIds
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
  /** Given the Change record once the write has committed (see ChangeFeed.recorded). */
  onCommitted: (row: ChangeRow) => void = () => {},
): Promise<WriteReport> {
  checkBatchShape(batch);
  let recorded: ChangeRow | undefined;
  const report = await connection.inWriteTransaction(async (tx) => {
    recorded = undefined; // a retried transaction records again
    // The lock and the reads of the diff leave together, the lock first (Neo4j runs them in
    // order): each wait for the API between statements, whose event loop may be busy with an
    // impact search, would be time the graph stays locked.
    const [lockedVersion, stored] = await Promise.all([lockWrites(tx), readStored(tx, batch)]);
    return writeLocked(tx, lockedVersion, batch, change, onProgress, stored, (row) => {
      recorded = row;
    });
  });
  if (recorded) onCommitted(recorded);
  return report;
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
  stored?: StoredReads,
  onRecorded: (row: ChangeRow) => void = () => {},
): Promise<WriteReport> {
  let graphVersion = lockedVersion;
  const now = new Date().toISOString();
  const {
    nodes: existingNodes,
    relationships: existingRelationships,
    caseTwins,
  } = stored ?? (await readStored(tx, batch));
  const kindOf = kindLookup(batch, existingNodes);
  checkEndpoints(batch.relationships, kindOf);

  const nodePlan = planNodes(batch, existingNodes, now);
  checkCaseTwins(
    batch.nodes.map((node) => node.id).filter((id) => !existingNodes.has(id)),
    caseTwins,
  );
  const relationshipPlan = planRelationships(batch, existingRelationships);

  // The writes, the checks over their result and the Change go out together, in this order,
  // for the reason writeBatch gives; a failed check throws and the transaction rolls back.
  const total = nodePlan.writes.length + relationshipPlan.writes.length;
  let written = 0;
  const wrote = (rows: number) => onProgress((written += rows), total);
  const writes: Promise<unknown>[] = [];
  for (const [kind, rows] of groupBy(nodePlan.writes, (row) => row.props.kind as NodeKind)) {
    for (const chunk of chunks(rows)) {
      const params = { rows: chunk.map((row) => ({ id: row.id, props: encodeProps(row.props) })) };
      writes.push(tx.run(upsertNodes(labelsOf(kind)), params).then(() => wrote(chunk.length)));
    }
  }
  for (const [type, rows] of groupBy(relationshipPlan.writes, (row) => row.type)) {
    for (const chunk of chunks(rows)) {
      const params = { rows: chunk.map((row) => ({ ...row, props: encodeProps(row.props) })) };
      writes.push(tx.run(upsertRelationships(type), params).then(() => wrote(chunk.length)));
    }
  }
  const checks = Promise.all([
    refuseCycles(tx, relationshipPlan.createdLineage),
    refuseOriginMitigations(tx, relationshipPlan.writes),
  ]);
  const changed = total > 0;
  const lineage = changed
    ? lineageChangeOfWrite(
        nodePlan.writes,
        existingNodes,
        relationshipPlan.writes,
        existingRelationships,
      )
    : undefined;
  const record = lineage
    ? changeRecord(
        change,
        {
          nodesCreated: nodePlan.counts.created,
          nodesUpdated: nodePlan.counts.updated,
          relationshipsCreated: relationshipPlan.counts.created,
          relationshipsUpdated: relationshipPlan.counts.updated,
        },
        lineageChangeItems(lineage) > 0,
        lineage,
        [
          ...nodePlan.writes.map((row) => row.id),
          ...relationshipPlan.writes.flatMap((row) => [row.from, row.to]),
        ],
      )
    : undefined;
  const recorded = record ? tx.run(RECORD_CHANGE, record) : undefined;
  const [, , result] = await Promise.all([Promise.all(writes), checks, recorded]);
  if (result && record) {
    graphVersion = result.records[0]?.get('graphVersion') as number;
    onRecorded({
      version: graphVersion,
      lineageChanged: record.lineageChanged,
      delta: record.lineageDelta,
      touched: record.touchedIds,
    });
  }
  return {
    nodes: nodePlan.counts,
    relationships: relationshipPlan.counts,
    graphVersion,
    changed,
  };
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
    if (write.type === 'MITIGATES' || write.type === 'TRIAGED') defectIds.add(write.to);
    if (write.type === 'AFFECTS') defectIds.add(write.from);
  }
  if (!defectIds.size) return;
  const result = await tx.run(FIND_ORIGIN_MITIGATING, {
    defectIds: [...defectIds],
    stopping: TRIAGE_STATES.filter(stopsPropagation),
  });
  if (!result.records.length) return;
  const problems = result.records.map((record) => {
    const [node, defect] = [record.get('node') as string, record.get('defect') as string];
    return record.get('type') === 'TRIAGED'
      ? `'${node}' is an origin of '${defect}' and cannot be triaged ${record.get('state') as string}: set the defect's status (DISPUTED, WITHDRAWN) instead`
      : `'${node}' is an origin of '${defect}' and cannot mitigate it`;
  });
  throw validationError('an origin cannot mitigate its own defect', problems);
}
