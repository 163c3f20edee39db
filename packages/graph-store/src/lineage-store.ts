import {
  LINEAGE_RELATIONS,
  type LineageEdgeInput,
  type LineageNodeInput,
  type LineageRelation,
  type NodeKind,
} from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import { existsOn, holdsOn } from './time-filters';

export type Direction = 'UPSTREAM' | 'DOWNSTREAM';

export interface LineageSubgraph {
  nodes: LineageNodeInput[];
  edges: LineageEdgeInput[];
}

const ALL_LINEAGE = LINEAGE_RELATIONS.join('|');

/** Types come from the closed enum only, so interpolating them into Cypher is safe. */
export function relationPattern(relations: readonly LineageRelation[] = LINEAGE_RELATIONS) {
  const allowed = relations.filter((r) => (LINEAGE_RELATIONS as readonly string[]).includes(r));
  return allowed.length ? allowed.join('|') : ALL_LINEAGE;
}

function depthRange(minimum: 0 | 1, maxDepth: number | undefined) {
  if (maxDepth === undefined) return `*${minimum}..`;
  return `*${minimum}..${Math.max(minimum, Math.min(Math.floor(maxDepth), 100))}`;
}

/**
 * Every node reachable from the start nodes over lineage relationships, and the lineage edges
 * among them. Returning DISTINCT end nodes of a variable-length pattern is planned as a pruning
 * breadth-first expansion that visits each node once (checked with EXPLAIN in the tests);
 * returning paths would enumerate them, which merges make exponential.
 */
export function closureQuery(direction: Direction, maxDepth?: number) {
  const arrow =
    direction === 'DOWNSTREAM'
      ? `<-[:${ALL_LINEAGE}${depthRange(0, maxDepth)}]-`
      : `-[:${ALL_LINEAGE}${depthRange(0, maxDepth)}]->`;
  return `
    MATCH (start:Entity) WHERE start.id IN $ids
    MATCH (start)${arrow}(n:Entity)
    WITH DISTINCT n
    OPTIONAL MATCH (n)-[r:${ALL_LINEAGE}]->(parent:Entity)
    RETURN n.id AS id, n.kind AS kind,
           toString(n.releasedAt) AS releasedAt, toString(n.retiredAt) AS retiredAt,
           collect(CASE WHEN r IS NULL THEN null
                   ELSE {to: parent.id, type: type(r), declared: r.declared,
                         validFrom: toString(r.validFrom), validTo: toString(r.validTo)} END) AS parents`;
}

export async function fetchClosure(
  connection: Connection,
  ids: string[],
  direction: Direction,
  maxDepth?: number,
): Promise<LineageSubgraph> {
  const rows = await connection.read<{
    id: string;
    kind: NodeKind;
    releasedAt: string | null;
    retiredAt: string | null;
    parents: {
      to: string;
      type: LineageRelation;
      declared: boolean | null;
      validFrom: string | null;
      validTo: string | null;
    }[];
  }>(closureQuery(direction, maxDepth), { ids });
  const inside = new Set(rows.map((row) => row.id));
  // Dates only where known: an undated node or edge reads as before they existed.
  const nodes = rows.map(({ id, kind, releasedAt, retiredAt }) => ({
    id,
    kind,
    ...(releasedAt && { releasedAt }),
    ...(retiredAt && { retiredAt }),
  }));
  const edges: LineageEdgeInput[] = [];
  for (const row of rows) {
    for (const parent of row.parents) {
      // A depth cap can leave a parent outside the closure; such an edge leads nowhere here.
      if (!inside.has(parent.to)) continue;
      edges.push({
        from: row.id,
        to: parent.to,
        type: parent.type,
        declared: parent.declared !== false,
        ...(parent.validFrom && { validFrom: parent.validFrom }),
        ...(parent.validTo && { validTo: parent.validTo }),
      });
    }
  }
  return { nodes, edges };
}

/**
 * One hop of the view's breadth-first search: the unseen neighbours of a frontier, in id order.
 * Each frontier id is an index seek and an expand; no plan over all nodes (statistics made
 * Neo4j pair the start with every node for ANY SHORTEST on small graphs).
 */
export const VIEW_HOP = (direction: Direction, pattern: string) => `
  UNWIND $frontier AS id
  MATCH (:Entity {id: id})${direction === 'DOWNSTREAM' ? `<-[r:${pattern}]-` : `-[r:${pattern}]->`}(n:Entity)
  WHERE ${holdsOn('r')} AND ${existsOn('n')}
  WITH DISTINCT n.id AS id
  WHERE NOT id IN $seen
  RETURN id
  ORDER BY id
  LIMIT $limit`;

const EDGES_AMONG = (pattern: string) => `
  MATCH (a:Entity)-[r:${pattern}]->(b:Entity)
  WHERE a.id IN $ids AND b.id IN $ids AND ${holdsOn('r')}
  RETURN a.id AS from, type(r) AS type, b.id AS to, r.declared AS declared, r.sources AS sources,
         r.origin AS origin, r.recordedFrom AS recordedFrom, r.matchedBy AS matchedBy,
         toString(r.validFrom) AS validFrom, toString(r.validTo) AS validTo`;

export interface ViewEdge {
  from: string;
  type: LineageRelation;
  to: string;
  declared: boolean;
  sources: string[];
  /** Provenance (null on records written before it was kept). */
  origin?: string | null;
  recordedFrom?: string | null;
  matchedBy?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface LineageView {
  /** Ids with their distance from the focus, nearest first; the focus is at 0. */
  nodes: { id: string; distance: number; direction: Direction | 'FOCUS' }[];
  edges: ViewEdge[];
  truncated: boolean;
}

/**
 * The subgraph around a node for the graph view: a breadth-first search per direction, hop by
 * hop, so the nearest nodes come first; capped at `maxNodes` with `truncated` set when more
 * exist within the depth.
 */
export interface LineageViewOptions {
  directions: Direction[];
  depth: number;
  relations?: LineageRelation[];
  maxNodes: number;
  /** The day (ISO date) the lineage is shown for; null or absent: whatever its dates. */
  asOf?: string | null;
}

export async function lineageView(
  connection: Connection,
  id: string,
  options: LineageViewOptions,
): Promise<LineageView> {
  const pattern = relationPattern(options.relations);
  const depth = Math.max(1, Math.min(Math.floor(options.depth), 50));
  const nodes: LineageView['nodes'] = [{ id, distance: 0, direction: 'FOCUS' }];
  const seen = new Set([id]);
  let truncated = false;
  // Both directions advance one hop at a time, so the view is nearest-first across them.
  const frontiers = new Map(options.directions.map((direction) => [direction, [id]]));
  for (let distance = 1; distance <= depth && !truncated; distance++) {
    for (const [direction, frontier] of frontiers) {
      const room = options.maxNodes - nodes.length;
      if (!frontier.length) continue;
      const rows = await connection.read<{ id: string }>(VIEW_HOP(direction, pattern), {
        frontier,
        seen: [...seen],
        limit: neo4j.int(room + 1),
        asOf: options.asOf ?? null,
      });
      if (rows.length > room) truncated = true;
      const next = rows.slice(0, room).map((row) => row.id);
      for (const found of next) {
        seen.add(found);
        nodes.push({ id: found, distance, direction });
      }
      frontiers.set(direction, next);
    }
  }
  const ids = nodes.map((node) => node.id);
  const edges = await connection.read<ViewEdge>(EDGES_AMONG(pattern), {
    ids,
    asOf: options.asOf ?? null,
  });
  return {
    nodes,
    edges: edges.map((edge) => ({
      ...edge,
      declared: edge.declared !== false,
      sources: edge.sources ?? [],
    })),
    truncated,
  };
}

const SHORTEST_CHAIN = `
  MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
  MATCH p = SHORTEST 1 (a) ((x)-[r:${ALL_LINEAGE}]->(y) WHERE ${holdsOn('r')} AND ${existsOn('y')})+ (b)
  WHERE ${existsOn('a')}
  RETURN [n IN nodes(p) | n.id] AS ids,
         [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                                   declared: r.declared, sources: r.sources, origin: r.origin,
                                   recordedFrom: r.recordedFrom, matchedBy: r.matchedBy,
                                   validFrom: toString(r.validFrom),
                                   validTo: toString(r.validTo)}] AS relationships`;

/** A shortest directed chain of lineage relationships between two nodes, either way round. */
export async function shortestChain(
  connection: Connection,
  from: string,
  to: string,
  asOf: string | null = null,
): Promise<{ ids: string[]; relationships: ViewEdge[] } | undefined> {
  for (const [a, b] of [
    [from, to],
    [to, from],
  ] as const) {
    const [row] = await connection.read<{ ids: string[]; relationships: ViewEdge[] }>(
      SHORTEST_CHAIN,
      { from: a, to: b, asOf },
    );
    if (row) {
      const relationships = row.relationships.map((r) => ({
        ...r,
        declared: r.declared !== false,
        sources: r.sources ?? [],
      }));
      return { ids: row.ids, relationships };
    }
  }
  return undefined;
}

const BLAST_RADIUS = `
  MATCH (base:BaseModel) WHERE ${existsOn('base')}
  CALL (base) {
    MATCH (base)<-[rs:${ALL_LINEAGE}*1..]-(d:Deployment)
    WHERE all(r IN rs WHERE ${holdsOn('r')} AND ${existsOn('startNode(r)')})
    WITH DISTINCT d
    RETURN count(d) AS deployments,
           sum(coalesce(d.monthlyActiveUsers, 0)) AS knownUsers,
           count(CASE WHEN d.monthlyActiveUsers IS NULL THEN 1 END) AS unknownUsers
  }
  WITH base, deployments, knownUsers, unknownUsers WHERE deployments > 0
  RETURN base.id AS id, deployments, knownUsers, unknownUsers
  ORDER BY deployments DESC, knownUsers DESC, id
  LIMIT $first`;

export interface BlastRadiusRow {
  id: string;
  deployments: number;
  knownUsers: number;
  unknownUsers: number;
}

/** Base models ranked by the distinct deployments downstream of them. */
export async function blastRadius(
  connection: Connection,
  first: number,
  asOf: string | null = null,
): Promise<BlastRadiusRow[]> {
  return connection.read<BlastRadiusRow>(BLAST_RADIUS, { first: neo4j.int(first), asOf });
}
