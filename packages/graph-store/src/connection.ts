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
      // A connect takes milliseconds on a working network; a Neo4j that accepts connections
      // but never answers its handshake is only noticed by the acquisition timeout, so both
      // stay short (the API answers 503 after about 5 s, not 10 or 15).
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: 10_000,
    });
    return new Connection(driver, config);
  }

  /**
   * One auto-commit read: a single round trip (a managed transaction adds BEGIN and COMMIT),
   * which halves the latency of the API's small reads, and no retry loop, so a read fails at
   * once, as unavailable, when Neo4j is down. It shares executeQuery's bookmarks, so in a
   * cluster it still sees every write this process made.
   */
  async read<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Params = {},
    options: { timeoutMs?: number } = {},
  ): Promise<R[]> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      const result = await session.run(cypher, params, {
        timeout: options.timeoutMs ?? this.readTimeoutMs,
      });
      return result.records.map((record) => record.toObject() as R);
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  /** One write in a managed transaction, retried by the driver on transient errors. */
  async write<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}) {
    try {
      const result = await this.driver.executeQuery(cypher, params, {
        database: this.database,
        routing: neo4j.routing.WRITE,
        transactionConfig: { timeout: this.writeTimeoutMs },
      });
      return result.records.map((record) => record.toObject() as R);
    } catch (error) {
      throw toDomainError(error);
    }
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
}
