import { randomUUID } from 'node:crypto';
import {
  checkBatchShape,
  checkEndpoints,
  labelsOf,
  type GraphBatch,
  type NodeKind,
  type RelationType,
} from '@lineage/domain';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { chunks, groupBy } from './collections';
import type { Connection } from './connection';
import { beginImport, heartbeat, lockAsImport, rollbackImport } from './import-lock';
import type { StoreLookup } from './lookup-store';
import { lineageChangeItems } from './lineage-delta-record';
import { toDomainError } from './neo4j-errors';
import { lineageChangeOfWrite } from './write-lineage-delta';
import { encodeProps } from './values';
import { fetchNodes, fetchRelationships, kindLookup, refuseCaseTwins } from './stored-reads';
import {
  changeRecord,
  RECORD_CHANGE,
  refuseCycles,
  refuseOriginMitigations,
  upsertNodes,
  upsertRelationships,
  type ChangeInfo,
  type Planned,
  type WriteReport,
} from './write-store';
import { planNodes, planRelationships, type NodeRow, type RelationshipRow } from './write-plan';

// A batch too large for one transaction (Neo4j caps each one's memory) is written in chunks,
// each its own transaction, yet still all or nothing: new nodes are created as (:Staged
// {importId}) without :Entity, which every read matches, with the relationships among them, so
// none shows until the last transaction turns them into entities, writes what touches stored
// nodes, checks the whole and records one Change. Any failure removes what was
// staged (import-lock.ts), and a start after a kill does the same for a dead process's import.

const STAGE_NODES = `
  UNWIND $rows AS row
  CREATE (n:Staged)
  SET n = row.props, n.id = row.id, n.idKey = toLower(row.id), n.importId = $importId`;

// Only relationships between two staged nodes are staged: a stored node never has an edge to a
// staged one before the last transaction, so no read that starts from an entity (a traversal
// whose inner nodes carry no label included) can reach a staged node.
const stageRelationships = (type: RelationType) => `
  UNWIND $rows AS row
  MATCH (a:Staged {id: row.from}) USING INDEX SEEK a:Staged(id)
  WHERE a.importId = $importId
  MATCH (b:Staged {id: row.to}) USING INDEX SEEK b:Staged(id)
  WHERE b.importId = $importId
  CREATE (a)-[r:${type}]->(b)
  SET r = row.props`;

const unstage = (kind: NodeKind) => `
  MATCH (n:Staged) WHERE n.importId = $importId AND n.kind = $kind
  REMOVE n:Staged, n.importId
  SET n:${labelsOf(kind).join(':')}`;

const COMPLETE_IMPORT = `
  MATCH (i:Import {id: $importId})
  SET i.status = 'complete', i.endedAt = datetime(), i.graphVersion = $graphVersion,
      i.nodesStaged = $nodesStaged, i.relationshipsStaged = $relationshipsStaged
  WITH i
  MATCH (m:Meta {key: 'graph'})
  REMOVE m.importLock, m.importLockSince`;

export interface StagedWriteOptions<P extends Planned> {
  /** The plan, made from reads at `plannedAt` (a graph version), outside any transaction. */
  planned: P;
  plannedAt: number;
  /** Plans again, once the import holds the graph, when a write came in since `plannedAt`. */
  replan: (lookup: StoreLookup) => Promise<P>;
  lookup: StoreLookup;
  change: (planned: P) => ChangeInfo;
  /** Rows per transaction. */
  chunkRows: number;
  /** Aborting (SIGINT) rolls the import back after the chunk in flight. */
  signal?: AbortSignal;
  onStep?: (line: string) => void;
  /** Chunks written so far, of all; called once with 0 before the first, and awaited. */
  onChunk?: (written: number, total: number) => void | Promise<void>;
}

export type StagedReport = WriteReport & { importId: string };

interface Chunk {
  cypher: string;
  rows: unknown[];
}

export async function writeStaged<P extends Planned>(
  connection: Connection,
  options: StagedWriteOptions<P>,
): Promise<{ planned: P; report: StagedReport }> {
  const importId = `import-${randomUUID()}`;
  const step = options.onStep ?? (() => {});
  let planned = options.planned;
  const change = () => options.change(planned);
  const lockedVersion = await beginImport(connection, importId, change().by);
  try {
    if (lockedVersion !== options.plannedAt) {
      step('the graph changed while reconciling: reconciling again, now holding the graph...');
      planned = await options.replan(options.lookup);
    }
    checkBatchShape(planned.batch);
    const plan = await readPlan(connection, planned.batch);
    const stagedIds = new Set(plan.newNodes.map((row) => row.id));
    const isStaged = (r: RelationshipRow) => stagedIds.has(r.from) && stagedIds.has(r.to);
    const staged = plan.relationshipWrites.filter(isStaged);
    const touchingStored = plan.relationshipWrites.filter((r) => !isStaged(r));
    const work = [
      ...nodeChunks(plan.newNodes, options.chunkRows),
      ...relationshipChunks(staged, options.chunkRows),
    ];
    step(
      `import ${importId}: staging ${plan.newNodes.length} new nodes and ${staged.length} relationships in ${work.length} transactions of up to ${options.chunkRows} rows...`,
    );
    await options.onChunk?.(0, work.length);
    for (const [index, chunk] of work.entries()) {
      if (options.signal?.aborted) throw new Error('the import was interrupted');
      await connection.inWriteTransaction(async (tx) => {
        await heartbeat(tx, importId);
        await tx.run(chunk.cypher, { rows: chunk.rows, importId });
      });
      await options.onChunk?.(index + 1, work.length);
    }
    if (options.signal?.aborted) throw new Error('the import was interrupted');
    step('making the import visible in one last transaction, with the checks on the whole...');
    const report = await connection.inWriteTransaction(async (tx) => {
      const graphVersion = await lockAsImport(tx, importId);
      return finish(tx, importId, graphVersion, plan, touchingStored, change(), {
        nodes: plan.newNodes.length,
        relationships: staged.length,
      });
    });
    return { planned, report: { ...report, importId } };
  } catch (error) {
    step(`rolling back import ${importId}...`);
    await rollbackImport(connection, importId, (error as Error).message);
    throw error;
  }
}

type ReadPlan = Awaited<ReturnType<typeof readPlan>>;

/**
 * What the batch changes, from reads outside any write: the import holds the graph, so the
 * state they see is the one the last transaction commits onto. The checks that need no write
 * (endpoint kinds, ids differing in case only) fail here, before anything is staged.
 */
async function readPlan(connection: Connection, batch: GraphBatch) {
  const session = connection.driver.session({
    database: connection.database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    return await session.executeRead(async (tx) => {
      const existingNodes = await fetchNodes(tx, batch);
      checkEndpoints(batch.relationships, kindLookup(batch, existingNodes));
      const nodePlan = planNodes(batch, existingNodes, new Date().toISOString());
      const newNodes = nodePlan.writes.filter((row) => !existingNodes.has(row.id));
      await refuseCaseTwins(
        tx,
        newNodes.map((row) => row.id),
      );
      const existingRelationships = await fetchRelationships(tx, batch);
      const relationshipPlan = planRelationships(batch, existingRelationships);
      // Whether the lineage changed; the projection rebuilds (no delta is recorded: it would
      // hold every edge of a large import).
      const lineage = lineageChangeOfWrite(
        nodePlan.writes,
        existingNodes,
        relationshipPlan.writes,
        existingRelationships,
      );
      return {
        lineageChanged: lineageChangeItems(lineage) > 0,
        nodePlan,
        newNodes,
        updatedNodes: nodePlan.writes.filter((row) => existingNodes.has(row.id)),
        relationshipPlan,
        relationshipWrites: relationshipPlan.writes,
      };
    });
  } catch (error) {
    throw toDomainError(error);
  } finally {
    await session.close();
  }
}

function nodeChunks(rows: NodeRow[], size: number): Chunk[] {
  return chunks(rows, size).map((chunk) => ({
    cypher: STAGE_NODES,
    rows: chunk.map((row) => ({ id: row.id, props: encodeProps(row.props) })),
  }));
}

function relationshipChunks(rows: RelationshipRow[], size: number): Chunk[] {
  const result: Chunk[] = [];
  for (const [type, group] of groupBy(rows, (row) => row.type))
    for (const chunk of chunks(group, size))
      result.push({
        cypher: stageRelationships(type),
        rows: chunk.map((row) => ({ ...row, props: encodeProps(row.props) })),
      });
  return result;
}

/**
 * The last transaction: the staged nodes become entities, then what touches a stored node
 * (updates, relationships with a stored end) is written, and the whole is checked.
 */
async function finish(
  tx: ManagedTransaction,
  importId: string,
  lockedVersion: number,
  plan: ReadPlan,
  touchingStored: RelationshipRow[],
  change: ChangeInfo,
  stagedCounts: { nodes: number; relationships: number },
): Promise<WriteReport> {
  for (const kind of new Set(plan.newNodes.map((row) => row.props.kind as NodeKind)))
    await tx.run(unstage(kind), { importId, kind });
  for (const [kind, rows] of groupBy(plan.updatedNodes, (row) => row.props.kind as NodeKind))
    for (const chunk of chunks(rows))
      await tx.run(upsertNodes(labelsOf(kind)), {
        rows: chunk.map((row) => ({ id: row.id, props: encodeProps(row.props) })),
      });
  for (const [type, rows] of groupBy(touchingStored, (row) => row.type))
    for (const chunk of chunks(rows))
      await tx.run(upsertRelationships(type), {
        rows: chunk.map((row) => ({ ...row, props: encodeProps(row.props) })),
      });
  await refuseCycles(tx, plan.relationshipPlan.createdLineage);
  await refuseOriginMitigations(tx, plan.relationshipWrites);

  const { nodePlan, relationshipPlan } = plan;
  const changed = nodePlan.writes.length + relationshipPlan.writes.length > 0;
  let graphVersion = lockedVersion;
  if (changed) {
    const counts = {
      nodesCreated: nodePlan.counts.created,
      nodesUpdated: nodePlan.counts.updated,
      relationshipsCreated: relationshipPlan.counts.created,
      relationshipsUpdated: relationshipPlan.counts.updated,
    };
    const result = await tx.run(RECORD_CHANGE, changeRecord(change, counts, plan.lineageChanged));
    graphVersion = result.records[0]?.get('graphVersion') as number;
  }
  await tx.run(COMPLETE_IMPORT, {
    importId,
    graphVersion: neo4j.int(graphVersion),
    nodesStaged: neo4j.int(stagedCounts.nodes),
    relationshipsStaged: neo4j.int(stagedCounts.relationships),
  });
  return { nodes: nodePlan.counts, relationships: relationshipPlan.counts, graphVersion, changed };
}
