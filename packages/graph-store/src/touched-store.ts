import neo4j from 'neo4j-driver';
import type { Connection } from './connection';

const TOUCHED_BETWEEN = `
  MATCH (c:Change) WHERE c.graphVersion > $since AND c.graphVersion <= $until
  RETURN c.graphVersion AS version, c.touchedIds AS touched
  ORDER BY version`;

/** Past this many versions a reader starts afresh rather than read what each one touched. */
const MAX_VERSIONS = 1_000;

/**
 * Every id the writes of versions (since, until] touched (see write-store's changeRecord), or
 * undefined when that cannot be known: a version without its Change, or a write that did not
 * (or could not, being too large) name what it touched.
 */
export async function touchedBetween(
  connection: Connection,
  since: number,
  until: number,
): Promise<Set<string> | undefined> {
  if (until <= since) return new Set();
  if (until - since > MAX_VERSIONS) return undefined;
  const rows = await connection.read<{ version: number; touched: string[] | null }>(
    TOUCHED_BETWEEN,
    { since: neo4j.int(since), until: neo4j.int(until) },
  );
  if (rows.length !== until - since) return undefined;
  const touched = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (row.version !== since + 1 + i || !row.touched) return undefined;
    for (const id of row.touched) touched.add(id);
  }
  return touched;
}
