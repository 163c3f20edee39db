import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startNeo4j } from '@lineage/neo4j-embedded';
import { GraphStore } from '../graph-store';
import { readTestEnv } from './env';

export interface OwnStore {
  store: GraphStore;
  /** Its Bolt URI, for a child process (the CLI) to connect to. */
  uri: string;
  /** Closes the store, stops Neo4j and deletes its data. */
  stop(): Promise<void>;
}

/**
 * A migrated store on a Neo4j of the caller's own, in a fresh directory: for tests that need
 * an empty graph or must count only what they wrote, unlike the run's shared database.
 */
export async function startOwnStore(
  options: {
    heap?: string;
    pageCache?: string;
    /** The most one transaction may hold (Neo4j's db.memory.transaction.max), e.g. '1g'. */
    transactionMax?: string;
    transactionTotal?: string;
    writeTimeoutMs?: number;
    /** Fills the new store's directory before Neo4j starts on it (an offline load). */
    beforeStart?: (dataDir: string) => Promise<void>;
  } = {},
): Promise<OwnStore> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lineage-own-'));
  const { writeTimeoutMs, beforeStart, ...memory } = options;
  await beforeStart?.(dataDir);
  const neo4j = await startNeo4j({ dataDir, javaHome: readTestEnv().JAVA_HOME, ...memory });
  const store = await GraphStore.connect({ uri: neo4j.uri, writeTimeoutMs });
  const stop = async () => {
    await store.close();
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await store.migrate();
  } catch (error) {
    await stop();
    throw error;
  }
  return { store, uri: neo4j.uri, stop };
}
