import type { Connection } from './connection';

/** One transaction open on the database, with the memory it holds (for measurements). */
export interface RunningTransaction {
  id: string;
  query: string;
  /** Neo4j's estimate of the heap the transaction holds: what db.memory.transaction.max caps. */
  heapBytes: number;
}

const SHOW_TRANSACTIONS = `
  SHOW TRANSACTIONS YIELD transactionId, currentQuery, estimatedUsedHeapMemory
  RETURN transactionId AS id, currentQuery AS query, estimatedUsedHeapMemory AS heapBytes`;

/** The transactions open now: how much memory a long write holds, watched from outside. */
export function runningTransactions(connection: Connection): Promise<RunningTransaction[]> {
  return connection.read<RunningTransaction>(SHOW_TRANSACTIONS);
}
