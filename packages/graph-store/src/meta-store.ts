import { createHash } from 'node:crypto';
import { NODE_KINDS, type NodeKind } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import { withStoredLists } from './entity-props';
import { canonicalJson, decodeProps } from './values';

const GRAPH_VERSION = `
  OPTIONAL MATCH (m:Meta {key: 'graph'})
  RETURN coalesce(m.graphVersion, 0) AS graphVersion`;

const COUNT_ALL_NODES = 'MATCH (n) RETURN count(n) AS count';

/** Which nodes a hash covers: all entities, a list of ids, or ids containing a token. */
export interface HashScope {
  ids?: string[];
  idsContaining?: string;
}

const IN_SCOPE = (n: string) =>
  `($ids IS NULL OR ${n}.id IN $ids) AND ($token IS NULL OR ${n}.id CONTAINS $token)`;

const HASH_NODES = `
  MATCH (n:Entity) WHERE ${IN_SCOPE('n')}
  RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
  ORDER BY id`;

const HASH_RELATIONSHIPS = `
  MATCH (a:Entity)-[r]->(b:Entity) WHERE ${IN_SCOPE('a')} AND ${IN_SCOPE('b')}
  RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
  ORDER BY from, type, to`;

const RECENT_CHANGES = `
  MATCH (c:Change) WHERE $before IS NULL OR c.graphVersion < $before
  RETURN properties(c) AS props
  ORDER BY c.graphVersion DESC
  LIMIT $limit`;

/** One entry of the audit trail: a write that changed the graph. */
export interface ChangeRecord {
  graphVersion: number;
  at: string;
  by: string;
  action: string;
  summary: string;
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  relationshipsRemoved?: number;
  nodesRemoved?: number;
  /** Whether the lineage (its nodes, kinds or edges) changed; absent on older records. */
  lineageChanged?: boolean;
  /** How many lineage items it changed (the delta itself is for projections, not listed). */
  lineageDeltaItems?: number;
}

/** The audit trail, newest first; `before` (a graph version) pages further back. */
export async function recentChanges(
  connection: Connection,
  limit: number,
  before?: number,
): Promise<ChangeRecord[]> {
  const rows = await connection.read<{ props: object }>(RECENT_CHANGES, {
    limit: neo4j.int(Math.max(1, Math.min(limit, 501))),
    before: before === undefined ? null : neo4j.int(before),
  });
  return rows.map((row) => {
    const { lineageDelta: _forProjections, ...props } = decodeProps(row.props);
    return props as unknown as ChangeRecord;
  });
}

/**
 * Nodes per kind. One query per label: Neo4j answers a single-label count from its count
 * store without scanning, so this stays instant at a million nodes.
 */
export async function countByKind(connection: Connection): Promise<Record<NodeKind, number>> {
  const counts = await Promise.all(
    NODE_KINDS.map(async (kind) => {
      const [row] = await connection.read<{ count: number }>(
        `MATCH (n:${kind}) RETURN count(n) AS count`,
      );
      return [kind, row?.count ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<NodeKind, number>;
}

export interface SchemaSummary {
  constraints: string[];
  indexes: { name: string; type: string; state: string }[];
}

/** The constraints and indexes in place, for status output and migration checks. */
export async function schemaSummary(connection: Connection): Promise<SchemaSummary> {
  const constraints = await connection.read<{ name: string }>(
    'SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name',
  );
  const indexes = await connection.read<{ name: string; type: string; state: string }>(
    'SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name',
  );
  return { constraints: constraints.map((row) => row.name), indexes };
}

export interface GraphHash {
  hash: string;
  nodes: number;
  relationships: number;
}

export async function graphVersion(connection: Connection): Promise<number> {
  const [row] = await connection.read<{ graphVersion: number }>(GRAPH_VERSION);
  return row?.graphVersion ?? 0;
}

/** Every node of any label: what "the database already holds data" means. */
export async function countAllNodes(connection: Connection): Promise<number> {
  const [row] = await connection.read<{ count: number }>(COUNT_ALL_NODES);
  return row?.count ?? 0;
}

/**
 * A digest of the entities in scope and the relationships among them, with every property
 * except `updatedAt` (a timestamp, not content). Equal graphs give equal hashes whatever the
 * order they were written in.
 */
export async function graphHash(connection: Connection, scope: HashScope = {}): Promise<GraphHash> {
  const params = { ids: scope.ids ?? null, token: scope.idsContaining ?? null };
  const digest = createHash('sha256');
  const nodes = await connection.read<{ id: string; labels: string[]; props: object }>(
    HASH_NODES,
    params,
  );
  for (const node of nodes) {
    const { updatedAt: _ignored, ...props } = withStoredLists(decodeProps(node.props), 'node');
    digest.update(`N ${canonicalJson({ labels: [...node.labels].sort(), props })}\n`);
  }
  const relationships = await connection.read<{
    from: string;
    type: string;
    to: string;
    props: object;
  }>(HASH_RELATIONSHIPS, params);
  for (const r of relationships) {
    const props = withStoredLists(decodeProps(r.props), 'relationship');
    digest.update(`R ${canonicalJson({ from: r.from, type: r.type, to: r.to, props })}\n`);
  }
  return { hash: digest.digest('hex'), nodes: nodes.length, relationships: relationships.length };
}
