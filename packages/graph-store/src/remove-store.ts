import {
  DomainError,
  isLineageRelation,
  LINEAGE_KINDS,
  LINEAGE_RELATIONS,
  relationshipKey,
  type LineageEdgeKey,
  type LineageRelation,
  type RelationType,
} from '@lineage/domain';
import type { ManagedTransaction } from 'neo4j-driver';
import { chunks, groupBy } from './collections';
import type { Connection } from './connection';
import { emptyLineageChange, LINEAGE_DELTA_CAP, type LineageChange } from './lineage-delta-record';
import { changeRecord, lockWrites, RECORD_CHANGE, type ChangeInfo } from './write-store';

export interface RemovalReport {
  removed: number;
  graphVersion: number;
}

// As write-store's lookups: seeks by id, then expansions from the node found (a pattern
// comprehension cannot start at its other end), so a plan cached on a small store stays right.
export const deleteRelationships = (type: RelationType) => `
  UNWIND $rows AS row
  MATCH (a:Entity {id: row.from}) USING INDEX SEEK a:Entity(id)
  UNWIND [(a)-[r:${type}]->(b:Entity) WHERE b.id = row.to | r] AS r
  DELETE r
  RETURN row.from AS from, row.to AS to`;

const FIND_NODES = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id}) USING INDEX SEEK n:Entity(id)
  OPTIONAL MATCH (n)-[r]-()
  RETURN collect(DISTINCT n.id) AS found, count(DISTINCT r) AS relationships`;

const DELETE_NODES = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id}) USING INDEX SEEK n:Entity(id)
  DETACH DELETE n`;

// The lineage edges a removal takes with its nodes, listed in its delta: a node removed and
// created again later must not get its old edges back in a projection. Only counted first, so a
// hub's removal does not read a million edges to record a delta too large to keep.
const LINEAGE_DEGREES = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id}) USING INDEX SEEK n:Entity(id)
  WHERE n.kind IN $kinds
  RETURN n.id AS id, COUNT { (n)-[:${LINEAGE_RELATIONS.join('|')}]-() } AS degree`;

const LINEAGE_EDGES_OF = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id}) USING INDEX SEEK n:Entity(id)
  RETURN [(n)-[r:${LINEAGE_RELATIONS.join('|')}]->(b:Entity) | [n.id, type(r), b.id]] +
         [(a:Entity)-[r:${LINEAGE_RELATIONS.join('|')}]->(n) | [a.id, type(r), n.id]] AS edges`;

function notFoundError(what: string, missing: string[]) {
  return new DomainError('NOT_FOUND', `no such ${what}: ${missing.join('; ')}`, { missing });
}

/**
 * Removes relationships in one transaction. Naming one that does not exist is an error and
 * removes nothing, so a caller never believes it removed what was never there.
 */
export async function removeRelationships(
  connection: Connection,
  keys: { type: RelationType; from: string; to: string }[],
  change: ChangeInfo,
): Promise<RemovalReport> {
  return connection.inWriteTransaction(async (tx) => {
    await lockWrites(tx);
    const removed = new Set<string>();
    for (const [type, rows] of groupBy(keys, (key) => key.type)) {
      const result = await tx.run(deleteRelationships(type), { rows });
      for (const record of result.records) {
        removed.add(relationshipKey({ type, from: record.get('from'), to: record.get('to') }));
      }
    }
    const missing = keys.map(relationshipKey).filter((key) => !removed.has(key));
    if (missing.length) throw notFoundError('relationship', missing);
    const result = await tx.run(
      RECORD_CHANGE,
      changeRecord(
        change,
        { relationshipsRemoved: removed.size },
        keys.some((key) => isLineageRelation(key.type)),
        {
          ...emptyLineageChange(),
          removedEdges: keys.filter((key): key is LineageEdgeKey => isLineageRelation(key.type)),
        },
        keys.flatMap((key) => [key.from, key.to]),
      ),
    );
    return {
      removed: removed.size,
      graphVersion: result.records[0]?.get('graphVersion') as number,
    };
  });
}

/** Removes nodes with every relationship they have, in one transaction; all must exist. */
export async function removeNodes(
  connection: Connection,
  ids: string[],
  change: ChangeInfo,
): Promise<RemovalReport & { relationshipsRemoved: number }> {
  return connection.inWriteTransaction(async (tx) => {
    await lockWrites(tx);
    const unique = [...new Set(ids)];
    const found = await tx.run(FIND_NODES, { ids: unique });
    const present = new Set(found.records[0]?.get('found') as string[]);
    const relationshipsRemoved = found.records[0]?.get('relationships') as number;
    const missing = unique.filter((id) => !present.has(id));
    if (missing.length) throw notFoundError('node', missing);
    const lineage = await lineageRemoved(tx, unique);
    for (const chunk of chunks(unique)) await tx.run(DELETE_NODES, { ids: chunk });
    const result = await tx.run(
      RECORD_CHANGE,
      changeRecord(
        change,
        { relationshipsRemoved, nodesRemoved: unique.length },
        lineage === undefined || lineage.removedNodes.length > 0,
        lineage,
      ),
    );
    return {
      removed: unique.length,
      relationshipsRemoved,
      graphVersion: result.records[0]?.get('graphVersion') as number,
    };
  });
}

/** The lineage nodes among `ids` and their lineage edges; undefined above the delta cap. */
async function lineageRemoved(
  tx: ManagedTransaction,
  ids: string[],
): Promise<LineageChange | undefined> {
  const degrees = await tx.run(LINEAGE_DEGREES, { ids, kinds: LINEAGE_KINDS });
  const removedNodes = degrees.records.map((record) => record.get('id') as string);
  const edges = degrees.records.reduce((sum, record) => sum + (record.get('degree') as number), 0);
  if (removedNodes.length + edges > LINEAGE_DELTA_CAP) return undefined;
  // An edge between two removed nodes is listed by both.
  const removedEdges = new Map<string, LineageEdgeKey>();
  if (edges > 0) {
    const result = await tx.run(LINEAGE_EDGES_OF, { ids: removedNodes });
    for (const record of result.records)
      for (const [from, type, to] of record.get('edges') as [string, LineageRelation, string][])
        removedEdges.set(relationshipKey({ from, type, to }), { from, type, to });
  }
  return { ...emptyLineageChange(), removedNodes, removedEdges: [...removedEdges.values()] };
}
