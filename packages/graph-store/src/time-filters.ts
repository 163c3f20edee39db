import { LINEAGE_KINDS, LINEAGE_RELATIONS, type LineageRelation } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import { toRelationship, type StoredRelationship } from './relationship-store';

/**
 * Cypher conditions for "as it stood on $asOf" (an ISO date string, or null for any time).
 * Dates are stored as Neo4j dates (values.ts), so the parameter is read as one.
 * A relationship holds over [validFrom, validTo); a node exists over [releasedAt, retiredAt).
 */
export const holdsOn = (r: string) =>
  `($asOf IS NULL OR ((${r}.validFrom IS NULL OR ${r}.validFrom <= date($asOf))
     AND (${r}.validTo IS NULL OR ${r}.validTo > date($asOf))))`;

export const existsOn = (n: string) =>
  `($asOf IS NULL OR ((${n}.releasedAt IS NULL OR ${n}.releasedAt <= date($asOf))
     AND (${n}.retiredAt IS NULL OR ${n}.retiredAt > date($asOf))))`;

// Types come from the closed enum, so interpolating them is safe.
const CHANGES_BETWEEN = `
  MATCH (a:Entity)-[r:${LINEAGE_RELATIONS.join('|')}]->(b:Entity)
  WHERE (r.validFrom > date($from) AND r.validFrom <= date($to))
     OR (r.validTo > date($from) AND r.validTo <= date($to))
  RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
  ORDER BY from, type, to
  LIMIT $limit`;

const NODES_DATED_BETWEEN = `
  MATCH (n:Entity) WHERE n.kind IN $kinds
    AND ((n.releasedAt > date($from) AND n.releasedAt <= date($to))
      OR (n.retiredAt > date($from) AND n.retiredAt <= date($to)))
  RETURN n.id AS id
  LIMIT $limit`;

/**
 * Lineage relationships that began or ended in (from, to]: a scan of the lineage relationships,
 * answered for a history question, not on an impact's hot path.
 */
export async function lineageChangesBetween(
  connection: Connection,
  from: string,
  to: string,
  limit: number,
): Promise<StoredRelationship[]> {
  const rows = await connection.read<{
    from: string;
    type: LineageRelation;
    to: string;
    props: object;
  }>(CHANGES_BETWEEN, { from, to, limit: neo4j.int(limit) });
  return rows.map(toRelationship);
}

/** Lineage nodes released or retired in (from, to]. */
export async function lineageNodesDatedBetween(
  connection: Connection,
  from: string,
  to: string,
  limit: number,
): Promise<string[]> {
  const rows = await connection.read<{ id: string }>(NODES_DATED_BETWEEN, {
    from,
    to,
    kinds: LINEAGE_KINDS,
    limit: neo4j.int(limit),
  });
  return rows.map((row) => row.id);
}
