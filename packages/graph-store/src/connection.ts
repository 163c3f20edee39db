import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { toDomainError } from './neo4j-errors';

export interface GraphStoreConfig {
  /** bolt:// for one server, neo4j:// for a cluster or Aura. */
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** Time limit of reads users can make expensive (ms). */
  queryTimeoutMs?: number;
  /** Time limit of a write transaction (ms). */
  writeTimeoutMs?: number;
  maxConnectionPoolSize?: number;
}

export type Params = Record<string, unknown>;

/** A thin wrapper of the driver: names the database, sets time limits, maps every error. */
export class Connection {
  readonly database: string;
  private readonly readTimeoutMs: number;
  private readonly writeTimeoutMs: number;

  private constructor(
    readonly driver: Driver,
    config: GraphStoreConfig,
  ) {
    this.database = config.database ?? 'neo4j';
    this.readTimeoutMs = config.queryTimeoutMs ?? 15_000;
    this.writeTimeoutMs = config.writeTimeoutMs ?? 120_000;
  }

  static open(config: GraphStoreConfig): Connection {
    // Without a user the server must run with auth off (the embedded default).
    const auth =
      config.user !== undefined ? neo4j.auth.basic(config.user, config.password ?? '') : undefined;
    const driver = neo4j.driver(config.uri, auth, {
      // Counts and sizes stay far below 2^53; plain numbers keep every caller simple.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: config.maxConnectionPoolSize ?? 100,
      // Fail fast when Neo4j is down, so callers can answer "unavailable" instead of hanging.
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 10_000,
    });
    return new Connection(driver, config);
  }

  async read<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Params = {},
    options: { timeoutMs?: number } = {},
  ) {
    return this.run<R>(cypher, params, 'READ', options.timeoutMs ?? this.readTimeoutMs);
  }

  async write<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}) {
    return this.run<R>(cypher, params, 'WRITE', this.writeTimeoutMs);
  }

  /** Runs `work` in one managed write transaction: all of it commits, or none. */
  async inWriteTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite(work, { timeout: this.writeTimeoutMs });
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  /** Schema commands cannot share a transaction with data writes: each runs on its own. */
  async runAutoCommit(cypher: string, params: Params = {}): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.run(cypher, params);
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  /** The operators Neo4j plans for a query (EXPLAIN runs nothing), to check plan shapes. */
  async explain(cypher: string, params: Params = {}): Promise<string[]> {
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.run(`EXPLAIN ${cypher}`, params);
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] } | false) => {
        if (!plan) return;
        operators.push(plan.operatorType);
        for (const child of plan.children) walk(child as typeof plan);
      };
      walk(result.summary.plan as { operatorType: string; children: unknown[] } | false);
      return operators;
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<R extends RecordShape>(
    cypher: string,
    params: Params,
    routing: 'READ' | 'WRITE',
    timeout: number,
  ): Promise<R[]> {
    try {
      const result = await this.driver.executeQuery(cypher, params, {
        database: this.database,
        routing: routing === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
        transactionConfig: { timeout },
      });
      return result.records.map((record) => record.toObject() as R);
    } catch (error) {
      throw toDomainError(error);
    }
  }
}
