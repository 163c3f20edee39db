import { storedRelationshipSchema, type Relationship } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import { propsToEntity, type StoredEntity } from './entity-props';
import { decodeProps } from './values';

const PAGE = 5000;

const NODES_PAGE = `
  MATCH (n:Entity) WHERE $after IS NULL OR n.id > $after
  RETURN properties(n) AS props
  ORDER BY n.id
  LIMIT $limit`;

const RELATIONSHIPS_PAGE = `
  MATCH (a:Entity) WHERE $after IS NULL OR a.id > $after
  WITH a ORDER BY a.id LIMIT $limit
  OPTIONAL MATCH (a)-[r]->(b:Entity)
  RETURN a.id AS from, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), to: b.id, props: properties(r)} END) AS out
  ORDER BY from`;

/** Every entity, in id order, a page at a time: memory stays flat whatever the graph's size. */
export async function* exportNodes(connection: Connection): AsyncGenerator<StoredEntity> {
  let after: string | null = null;
  for (;;) {
    const rows: { props: object }[] = await connection.read<{ props: object }>(NODES_PAGE, {
      after,
      limit: neo4j.int(PAGE),
    });
    for (const row of rows) yield propsToEntity(decodeProps(row.props));
    if (rows.length < PAGE) return;
    after = propsToEntity(decodeProps(rows[rows.length - 1]!.props)).id;
  }
}

/** Every relationship between entities, grouped by start node in id order. */
export async function* exportRelationships(connection: Connection): AsyncGenerator<Relationship> {
  let after: string | null = null;
  for (;;) {
    const rows: { from: string; out: { type: string; to: string; props: object }[] }[] =
      await connection.read(RELATIONSHIPS_PAGE, { after, limit: neo4j.int(PAGE) });
    for (const row of rows) {
      const out = [...row.out].sort((x, y) => (x.type + x.to < y.type + y.to ? -1 : 1));
      for (const r of out) {
        yield storedRelationshipSchema.parse({
          type: r.type,
          from: row.from,
          to: r.to,
          ...decodeProps(r.props),
        });
      }
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.from;
  }
}
