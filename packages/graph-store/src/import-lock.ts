import { hostname } from 'node:os';
import { conflict } from '@lineage/domain';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Connection } from './connection';
import { lockWrites, LOCK_META } from './write-store';

// A chunked import holds the graph across many transactions: an (:Import) node records it, and
// the Meta node names it (m.importLock), which every other write's lockWrites refuses. The
// nodes it writes before its last transaction are (:Staged {importId}), which no read matches.

const BEGIN_IMPORT = `
  MATCH (m:Meta {key: 'graph'})
  SET m.importLock = $id, m.importLockSince = datetime()
  CREATE (:Import {
    id: $id, status: 'running', by: $by, startedAt: datetime(), heartbeatAt: datetime(),
    host: $host, pid: $pid
  })`;

const HEARTBEAT = `
  MATCH (i:Import {id: $id}) WHERE i.status = 'running'
  SET i.heartbeatAt = datetime()
  RETURN i.id AS id`;

const MARK_ROLLING_BACK = `
  MATCH (i:Import {id: $id}) WHERE i.status IN ['running', 'rolling_back']
  SET i.status = 'rolling_back', i.reason = $reason
  RETURN i.id AS id`;

const DELETE_STAGED = `
  MATCH (n:Staged) WHERE n.importId = $id
  WITH n LIMIT $limit
  DETACH DELETE n
  RETURN count(*) AS deleted`;

const END_ROLLBACK = `
  MATCH (i:Import {id: $id})
  SET i.status = 'rolled_back', i.endedAt = datetime()
  WITH i
  MATCH (m:Meta {key: 'graph'}) WHERE m.importLock = $id
  REMOVE m.importLock, m.importLockSince`;

const UNFINISHED_IMPORTS = `
  MATCH (i:Import) WHERE i.status IN ['running', 'rolling_back']
  RETURN i.id AS id, i.host AS host, i.pid AS pid,
         i.heartbeatAt < datetime() - duration({seconds: $staleSeconds}) AS stale`;

const IMPORT_LOCK = `
  OPTIONAL MATCH (m:Meta {key: 'graph'})
  RETURN m.importLock AS importLock, toString(m.importLockSince) AS since`;

/** Staged nodes deleted per transaction when an import is rolled back. */
const DELETE_ROWS = 10_000;

/**
 * Takes the graph for an import: refused (CONFLICT) while another import holds it. Answers
 * the graph version at that moment; no other write can move it until the import ends.
 */
export async function beginImport(connection: Connection, id: string, by: string): Promise<number> {
  return connection.inWriteTransaction(async (tx) => {
    const graphVersion = await lockWrites(tx);
    await tx.run(BEGIN_IMPORT, { id, by, host: hostname(), pid: neo4j.int(process.pid) });
    return graphVersion;
  });
}

/** For writes that take no write lock (the bulk load): refused while an import holds the graph. */
export async function refuseWhileImporting(connection: Connection): Promise<void> {
  const [row] = await connection.read<{ importLock: string | null; since: string }>(IMPORT_LOCK);
  if (row?.importLock)
    throw conflict(
      `an import (${row.importLock}) has held the graph since ${row.since}; write again when it ends`,
      { importId: row.importLock },
    );
}

/** Run in each chunk's transaction: proves the import is still running and that it is alive. */
export async function heartbeat(tx: ManagedTransaction, id: string): Promise<void> {
  const result = await tx.run(HEARTBEAT, { id });
  if (!result.records.length)
    throw conflict(`import ${id} no longer holds the graph (it was rolled back)`, { importId: id });
}

/** In the import's last transaction: takes the write lock and checks the import still holds it. */
export async function lockAsImport(tx: ManagedTransaction, id: string): Promise<number> {
  const lock = await tx.run(LOCK_META);
  const record = lock.records[0];
  if (record?.get('importLock') !== id)
    throw conflict(`import ${id} no longer holds the graph (it was rolled back)`, { importId: id });
  await heartbeat(tx, id);
  return record.get('graphVersion') as number;
}

/**
 * Undoes an unfinished import: its staged nodes and their relationships go, in transactions of
 * bounded size, then the Import is marked rolled_back and the graph released. Nothing it staged
 * was ever visible, and it changed nothing else, so the graph is as it was before it began.
 * Safe to repeat, and a no-op for an import that completed meanwhile.
 */
export async function rollbackImport(
  connection: Connection,
  id: string,
  reason: string,
): Promise<void> {
  const marked = await connection.inWriteTransaction(async (tx) => {
    await tx.run(LOCK_META);
    return (await tx.run(MARK_ROLLING_BACK, { id, reason: reason.slice(0, 500) })).records.length;
  });
  if (!marked) return;
  for (;;) {
    const [row] = await connection.write<{ deleted: number }>(DELETE_STAGED, {
      id,
      limit: neo4j.int(DELETE_ROWS),
    });
    if (!row?.deleted) break;
  }
  await connection.write(END_ROLLBACK, { id });
}

export interface RecoveryOptions {
  /** An import whose heartbeat is older than this is taken as dead, wherever it ran. */
  staleSeconds?: number;
  log?: (line: string) => void;
}

/**
 * Rolls back the imports whose process died (killed, or its machine lost) before finishing:
 * one of this host whose pid is gone, or any whose heartbeat stopped. Run at every start.
 */
export async function recoverImports(
  connection: Connection,
  { staleSeconds = 600, log = () => {} }: RecoveryOptions = {},
): Promise<string[]> {
  const unfinished = await connection.read<{
    id: string;
    host: string;
    pid: number;
    stale: boolean;
  }>(UNFINISHED_IMPORTS, { staleSeconds: neo4j.int(staleSeconds) });
  const recovered: string[] = [];
  for (const { id, host, pid, stale } of unfinished) {
    const ownerGone = host === hostname() && pid !== process.pid && !isAlive(pid);
    if (!ownerGone && !stale) continue;
    log(`rolling back import ${id}, left unfinished by a process that is gone...`);
    await rollbackImport(connection, id, 'its process died before it finished');
    recovered.push(id);
  }
  return recovered;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
