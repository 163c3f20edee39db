import type { RelationType, TriageJustification, TriageState } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import type { RelationshipKey } from './entity-props';
import { decodeProps } from './values';

/** A stored relationship seen from one of its ends. */
export interface StoredRelationship {
  type: RelationType;
  from: string;
  to: string;
  declared: boolean;
  sources: string[];
  evidence?: string;
  since?: string;
  /** Lineage: the period it held, `[validFrom, validTo)`, either end open when absent. */
  validFrom?: string;
  validTo?: string;
  /** TRIAGED: the analysis, and who made it when. */
  state?: TriageState;
  justification?: TriageJustification;
  note?: string;
  triagedBy?: string;
  triagedAt?: string;
  /** Provenance: who wrote it, from which source record, how its ends were matched. */
  origin?: string;
  recordedFrom?: string;
  matchedBy?: string;
}

const OUTGOING = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})-[r]->(m:Entity)
  RETURN id AS from, type(r) AS type, m.id AS to, properties(r) AS props
  ORDER BY from, type, to`;

const INCOMING_PAGE = `
  MATCH (n:Entity {id: $id})<-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($after IS NULL OR m.id + ' ' + type(r) > $after)
  RETURN m.id AS from, type(r) AS type, n.id AS to, properties(r) AS props
  ORDER BY from, type
  LIMIT $first`;

const INCOMING_COUNT = `
  MATCH (n:Entity {id: $id})<-[r]-(:Entity)
  WHERE $types IS NULL OR type(r) IN $types
  RETURN count(r) AS count`;

/** A relationship read back with its properties (validated field by field). */
export function toRelationship(row: {
  from: string;
  type: RelationType;
  to: string;
  props: object;
}) {
  const props = decodeProps(row.props);
  const relationship: StoredRelationship = {
    type: row.type,
    from: row.from,
    to: row.to,
    declared: props.declared !== false,
    sources: (props.sources as string[] | undefined) ?? [],
  };
  if (typeof props.evidence === 'string') relationship.evidence = props.evidence;
  if (typeof props.state === 'string') relationship.state = props.state as TriageState;
  if (typeof props.justification === 'string') {
    relationship.justification = props.justification as TriageJustification;
  }
  for (const key of [
    'since',
    'validFrom',
    'validTo',
    'note',
    'triagedBy',
    'triagedAt',
    'origin',
    'recordedFrom',
    'matchedBy',
  ] as const) {
    const value = props[key];
    if (typeof value === 'string') relationship[key] = value;
  }
  return relationship;
}

/** The relationships leaving each node (parents, provider, origins): few per node. */
export async function outgoingOf(
  connection: Connection,
  ids: string[],
): Promise<Map<string, StoredRelationship[]>> {
  const rows = await connection.read<{
    from: string;
    type: RelationType;
    to: string;
    props: object;
  }>(OUTGOING, { ids });
  const byNode = new Map<string, StoredRelationship[]>(ids.map((id) => [id, []]));
  for (const row of rows) byNode.get(row.from)?.push(toRelationship(row));
  return byNode;
}

/** The relationship a key names, as stored; null when there is none. */
export async function storedRelationship(
  connection: Connection,
  key: RelationshipKey,
): Promise<StoredRelationship | null> {
  const outgoing = (await outgoingOf(connection, [key.from])).get(key.from) ?? [];
  return outgoing.find((r) => r.type === key.type && r.to === key.to) ?? null;
}

/** One page of the relationships arriving at a node (children can number thousands). */
export async function incomingPage(
  connection: Connection,
  id: string,
  options: { types?: RelationType[]; first: number; after?: string },
): Promise<{
  relationships: StoredRelationship[];
  totalCount: number;
  cursorOf: (r: StoredRelationship) => string;
}> {
  const types = options.types?.length ? options.types : null;
  const rows = await connection.read<{
    from: string;
    type: RelationType;
    to: string;
    props: object;
  }>(INCOMING_PAGE, { id, types, after: options.after ?? null, first: neo4j.int(options.first) });
  const [count] = await connection.read<{ count: number }>(INCOMING_COUNT, { id, types });
  return {
    relationships: rows.map(toRelationship),
    totalCount: count?.count ?? 0,
    cursorOf: (r) => `${r.from} ${r.type}`,
  };
}
