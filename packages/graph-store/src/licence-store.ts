import neo4j from 'neo4j-driver';
import type { Connection } from './connection';

// A scan of the Entity label: the check reads every licence once, whatever the graph's size.
const LICENCE_TEXTS = `
  MATCH (n:Entity) WHERE n.license IS NOT NULL
  RETURN n.license AS text, count(*) AS nodes`;

const NODES_UNDER = `
  MATCH (n:Entity) WHERE n.license IN $texts
  RETURN n.id AS id
  LIMIT $limit`;

const LICENCES_OF = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  OPTIONAL MATCH (n)-[:DEVELOPED_BY]->(p:Entity)
  WITH n, min(p.id) AS provider
  RETURN n.id AS id, n.kind AS kind, n.name AS name, n.license AS license, provider`;

/** Each distinct licence text in the graph, with how many nodes declare it. */
export async function licenceTexts(connection: Connection) {
  return connection.read<{ text: string; nodes: number }>(LICENCE_TEXTS);
}

/** The ids of nodes declaring one of the texts (at most `limit`). */
export async function nodesUnderLicences(connection: Connection, texts: string[], limit: number) {
  const rows = await connection.read<{ id: string }>(NODES_UNDER, {
    texts,
    limit: neo4j.int(limit),
  });
  return rows.map((row) => row.id);
}

export interface LicensedNode {
  id: string;
  kind: string;
  name: string;
  license: string | null;
  /** Who developed it (DEVELOPED_BY), when known: a licensor may relicense its own work. */
  provider: string | null;
}

/** Kind, name and licence text of each id found. */
export async function licencesOf(connection: Connection, ids: string[]) {
  const rows = await connection.read<LicensedNode>(LICENCES_OF, { ids });
  return new Map(rows.map((row) => [row.id, row]));
}
