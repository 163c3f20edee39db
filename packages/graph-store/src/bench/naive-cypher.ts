import { labelsOf, newEntity, newRelationship } from '@lineage/domain';
import type { LoadItem } from '../bulk-load';
import { Connection, type GraphStoreConfig } from '../connection';
import { entityToProps, relationshipToProps } from '../entity-props';
import { relationPattern } from '../lineage-store';
import { encodeProps } from '../values';

const MERGE_NODE = (labels: string) => `
  MERGE (n:Entity {id: $id})
  SET n:${labels}, n += $props`;

const MERGE_RELATIONSHIP = (type: string) => `
  MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
  MERGE (a)-[r:${type}]->(b)
  SET r += $props`;

/** The query a user would write for "everything downstream of this model, and how". */
const ALL_PATHS_DOWNSTREAM = `
  MATCH p = (x:Entity {id: $id})<-[:${relationPattern()}*]-(d:Entity)
  RETURN p`;

export interface PathsResult {
  paths: number;
  /** Distinct nodes at the ends of the paths counted (all of them unless timed out). */
  nodes: number;
  ms: number;
  timedOut: boolean;
}

/**
 * What a team without Lineage would run, so benchmarks can report ratios against it: one MERGE
 * per transaction, and the plain variable-length path query. For benchmarks only: these writes
 * skip validation, cycle checks and the audit trail (the graph version does not move).
 */
export class NaiveCypher {
  private constructor(private readonly connection: Connection) {}

  static open(config: GraphStoreConfig): NaiveCypher {
    return new NaiveCypher(Connection.open(config));
  }

  /** The ids of the entities whose id starts with `prefix` (what an earlier run wrote). */
  async idsStartingWith(prefix: string): Promise<string[]> {
    const rows = await this.connection.read<{ id: string }>(
      'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id',
      { prefix },
    );
    return rows.map((row) => row.id);
  }

  /** Each node or relationship in a transaction of its own. */
  async mergeOneByOne(items: LoadItem[]): Promise<void> {
    for (const item of items) {
      if ('node' in item) {
        await this.connection.write(MERGE_NODE(labelsOf(item.node.kind).join(':')), {
          id: item.node.id,
          props: encodeProps(entityToProps(newEntity(item.node))),
        });
      } else {
        const { type, from, to } = item.relationship;
        await this.connection.write(MERGE_RELATIONSHIP(type), {
          from,
          to,
          props: encodeProps(relationshipToProps(newRelationship(item.relationship))),
        });
      }
    }
  }

  /** Streams every path downstream of `id`, counting, until done or `timeoutMs` is up. */
  async pathsDownstreamOf(id: string, timeoutMs: number): Promise<PathsResult> {
    const started = performance.now();
    const ends = new Set<string>();
    let paths = 0;
    const session = this.connection.driver.session({ database: this.connection.database });
    const timedOut = await new Promise<boolean>((resolve, reject) => {
      session.run(ALL_PATHS_DOWNSTREAM, { id }, { timeout: timeoutMs }).subscribe({
        onNext: (record) => {
          paths++;
          ends.add((record.get('p') as { end: { properties: { id: string } } }).end.properties.id);
        },
        onCompleted: () => resolve(false),
        onError: (error: Error & { code?: string }) =>
          /TransactionTimedOut|terminated/i.test(`${error.code} ${error.message}`)
            ? resolve(true)
            : reject(error),
      });
    }).finally(() => session.close());
    return { paths, nodes: ends.size, ms: performance.now() - started, timedOut };
  }

  close = () => this.connection.close();
}
