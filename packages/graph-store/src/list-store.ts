import type { KindGroup, NodeKind } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import { propsToEntity, type StoredEntity } from './entity-props';
import { decodeProps } from './values';

/** Filters a list query may combine; each one left out matches everything. */
export interface ListFilter {
  kinds?: NodeKind[];
  nameContains?: string;
  access?: string;
  providerId?: string;
  category?: string;
  severity?: string;
  status?: string;
  /** Defects disclosed on or after / on or before these ISO dates. */
  disclosedFrom?: string;
  disclosedTo?: string;
}

/**
 * Which slice of a list: after an id in id order (the default), or from an offset with the
 * most recently disclosed first (then undated, then by id).
 */
export type ListPage =
  | { first: number; after?: string; order?: 'ID' }
  | { first: number; offset: number; order: 'NEWEST_FIRST' };

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

const WHERE = `
  ($kinds IS NULL OR n.kind IN $kinds)
  AND ($text IS NULL OR toLower(n.name) CONTAINS $text)
  AND ($access IS NULL OR n.access = $access)
  AND ($category IS NULL OR n.category = $category)
  AND ($severity IS NULL OR n.severity = $severity)
  AND ($status IS NULL OR n.status = $status)
  AND ($disclosedFrom IS NULL OR n.disclosedAt >= date($disclosedFrom))
  AND ($disclosedTo IS NULL OR n.disclosedAt <= date($disclosedTo))
  AND ($provider IS NULL OR EXISTS { (n)-[:DEVELOPED_BY|OPERATED_BY]->(:Provider {id: $provider}) })`;

// The label comes from the closed set of kind groups, never from user text.
const LIST = (group: KindGroup) => `
  MATCH (n:${group}) WHERE ${WHERE} AND ($after IS NULL OR n.id > $after)
  RETURN properties(n) AS props
  ORDER BY n.id
  LIMIT $limit`;

const LIST_NEWEST = (group: KindGroup) => `
  MATCH (n:${group}) WHERE ${WHERE}
  RETURN properties(n) AS props
  ORDER BY n.disclosedAt IS NULL, n.disclosedAt DESC, n.id
  SKIP $skip LIMIT $limit`;

const COUNT = (group: KindGroup) => `
  MATCH (n:${group}) WHERE ${WHERE}
  RETURN count(n) AS count`;

/** A page of one kind group in id order; the cursor is the last id (stable under writes). */
export async function listNodes(
  connection: Connection,
  group: KindGroup,
  filter: ListFilter,
  page: ListPage,
): Promise<Page<StoredEntity>> {
  const params = {
    kinds: filter.kinds?.length ? filter.kinds : null,
    text: filter.nameContains?.trim() ? filter.nameContains.trim().toLowerCase() : null,
    access: filter.access ?? null,
    category: filter.category ?? null,
    severity: filter.severity ?? null,
    status: filter.status ?? null,
    provider: filter.providerId ?? null,
    disclosedFrom: filter.disclosedFrom ?? null,
    disclosedTo: filter.disclosedTo ?? null,
  };
  const limit = neo4j.int(page.first + 1);
  const rows =
    page.order === 'NEWEST_FIRST'
      ? await connection.read<{ props: object }>(LIST_NEWEST(group), {
          ...params,
          skip: neo4j.int(page.offset),
          limit,
        })
      : await connection.read<{ props: object }>(LIST(group), {
          ...params,
          after: page.after ?? null,
          limit,
        });
  const [count] = await connection.read<{ count: number }>(COUNT(group), params);
  const items = rows.slice(0, page.first).map((row) => propsToEntity(decodeProps(row.props)));
  return { items, totalCount: count?.count ?? 0, hasNextPage: rows.length > page.first };
}
