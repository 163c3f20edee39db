import {
  conflict,
  labelsOf,
  newEntity,
  newRelationship,
  type EntityInput,
  type NodeKind,
  type RelationType,
  type RelationshipInput,
} from '@lineage/domain';
import { groupBy } from './collections';
import type { Connection } from './connection';
import { entityToProps, relationshipToProps } from './entity-props';
import { refuseWhileImporting } from './import-lock';
import { encodeProps, type PlainProps } from './values';
import { changeRecord, RECORD_CHANGE, type ChangeInfo } from './write-store';

export type LoadItem = { node: EntityInput } | { relationship: RelationshipInput };

export interface LoadReport {
  nodes: number;
  relationships: number;
  transactions: number;
  graphVersion: number;
}

export interface BulkLoadOptions {
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (nodes: number, relationships: number) => void;
}

const COUNT_ENTITIES = 'MATCH (n:Entity) RETURN count(n) AS count';

// Planned with USING INDEX SEEK: the first batch runs on an empty store, whose statistics
// would otherwise give a plan that scans every node for every row later on (see write-store).
// Values every row of a batch shares go once, as $common: packing rows is much of the cost.
const createNodes = (kind: NodeKind) => `
  UNWIND $rows AS row
  CREATE (n:${labelsOf(kind).join(':')})
  SET n = $common, n += row, n.idKey = toLower(row.id)`;

const createRelationships = (type: RelationType) => `
  UNWIND $rows AS row
  MATCH (a:Entity {id: row.from}) USING INDEX SEEK a:Entity(id)
  MATCH (b:Entity {id: row.to}) USING INDEX SEEK b:Entity(id)
  CREATE (a)-[r:${type}]->(b)
  SET r = $common, r += row.props`;

/** Splits rows' properties into those all share and, per row, the rest. */
function factorCommon(rows: PlainProps[]): { common: PlainProps; rows: PlainProps[] } {
  const first = rows[0] ?? {};
  const shared = Object.keys(first).filter((key) => {
    const value = JSON.stringify(first[key]);
    return rows.every((row) => key in row && JSON.stringify(row[key]) === value);
  });
  const common = Object.fromEntries(shared.map((key) => [key, first[key]!]));
  const rest = rows.map((row) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => !shared.includes(key))),
  );
  return { common, rows: rest };
}

/**
 * Loads a stream of trusted records (a generator's output, a restored export) into an empty
 * graph, in transactions of `batchSize` rows: the non-atomic bulk mode. It checks nothing
 * a user's import must (cycles, merges with stored records), so it refuses a graph that
 * holds any node; a failure part-way leaves the batches before it. The graph version moves
 * once, at the end.
 */
export async function bulkLoad(
  connection: Connection,
  items: Iterable<LoadItem>,
  change: ChangeInfo,
  { batchSize = 50_000, onProgress = () => {} }: BulkLoadOptions = {},
): Promise<LoadReport> {
  await refuseWhileImporting(connection);
  const [{ count } = { count: 0 }] = await connection.read<{ count: number }>(COUNT_ENTITIES);
  if (count > 0) throw conflict(`bulk loading needs an empty graph; this one holds ${count} nodes`);
  const updatedAt = new Date().toISOString();
  let nodes: EntityInput[] = [];
  let relationships: RelationshipInput[] = [];
  const report = { nodes: 0, relationships: 0, transactions: 0, graphVersion: 0 };

  const flushNodes = async () => {
    if (!nodes.length) return;
    const batch = nodes;
    nodes = [];
    await connection.inWriteTransaction(async (tx) => {
      for (const [kind, group] of groupBy(batch, (node) => node.kind)) {
        const { common, rows } = factorCommon(group.map((node) => entityToProps(newEntity(node))));
        await tx.run(createNodes(kind), {
          common: encodeProps({ ...common, updatedAt }),
          rows: rows.map(encodeProps),
        });
      }
    });
    report.nodes += batch.length;
    report.transactions++;
    onProgress(report.nodes, report.relationships);
  };
  // Relationships join nodes of earlier batches, so the nodes go first.
  const flushRelationships = async () => {
    await flushNodes();
    if (!relationships.length) return;
    const batch = relationships;
    relationships = [];
    await connection.inWriteTransaction(async (tx) => {
      for (const [type, group] of groupBy(batch, (relationship) => relationship.type)) {
        const { common, rows } = factorCommon(
          group.map((relationship) => relationshipToProps(newRelationship(relationship))),
        );
        await tx.run(createRelationships(type), {
          common: encodeProps(common),
          rows: group.map((r, i) => ({ from: r.from, to: r.to, props: encodeProps(rows[i]!) })),
        });
      }
    });
    report.relationships += batch.length;
    report.transactions++;
    onProgress(report.nodes, report.relationships);
  };

  for (const item of items) {
    if ('node' in item) {
      nodes.push(item.node);
      if (nodes.length >= batchSize) await flushNodes();
    } else {
      relationships.push(item.relationship);
      if (relationships.length >= batchSize) await flushRelationships();
    }
  }
  await flushRelationships();
  const [recorded] = await connection.write<{ graphVersion: number }>(
    RECORD_CHANGE,
    changeRecord(change, {
      nodesCreated: report.nodes,
      relationshipsCreated: report.relationships,
    }),
  );
  return { ...report, graphVersion: recorded?.graphVersion ?? 0 };
}
