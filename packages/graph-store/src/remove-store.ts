import {
  DomainError,
  isLineageRelation,
  relationshipKey,
  type RelationType,
} from '@lineage/domain';
import { chunks, groupBy } from './collections';
import type { Connection } from './connection';
import { changeRecord, lockWrites, RECORD_CHANGE, type ChangeInfo } from './write-store';

export interface RemovalReport {
  removed: number;
  graphVersion: number;
}

const deleteRelationships = (type: RelationType) => `
  CYPHER replan=force
  UNWIND $rows AS row
  MATCH (a:Entity {id: row.from}) USING INDEX SEEK a:Entity(id)
  MATCH (a)-[r:${type}]->(b:Entity) WHERE b.id = row.to
  DELETE r
  RETURN row.from AS from, row.to AS to`;

const FIND_NODES = `
  CYPHER replan=force
  UNWIND $ids AS id
  MATCH (n:Entity {id: id}) USING INDEX SEEK n:Entity(id)
  OPTIONAL MATCH (n)-[r]-()
  RETURN collect(DISTINCT n.id) AS found, count(DISTINCT r) AS relationships`;

const DELETE_NODES = `
  CYPHER replan=force
  UNWIND $ids AS id
  MATCH (n:Entity {id: id}) USING INDEX SEEK n:Entity(id)
  DETACH DELETE n`;

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
    for (const chunk of chunks(unique)) await tx.run(DELETE_NODES, { ids: chunk });
    const result = await tx.run(
      RECORD_CHANGE,
      changeRecord(change, { relationshipsRemoved, nodesRemoved: unique.length }),
    );
    return {
      removed: unique.length,
      relationshipsRemoved,
      graphVersion: result.records[0]?.get('graphVersion') as number,
    };
  });
}
