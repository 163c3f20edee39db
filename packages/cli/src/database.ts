import path from 'node:path';
import { createServices, type Services } from '@lineage/core';
import { GraphStore } from '@lineage/graph-store';
import { startNeo4j } from '@lineage/neo4j-embedded';
import type { CliEnv } from './env';

export interface OpenGraph {
  /** What commands call: the application's use cases over this graph. */
  services: Services;
  /** For what runs beside the commands (the API child, the supervisor), never their logic. */
  store: GraphStore;
  /** Where the data is, for people: a URI and, when embedded, the data directory. */
  where: string;
  uri: string;
  embedded: boolean;
  /** For the embedded Neo4j of this process: settles when its JVM exits, for whatever reason. */
  exited?: Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI when it is set. Otherwise uses the project's embedded Neo4j: the one a
 * running `lineage start` serves when `reuseRunning` allows, or a new one on `.data/neo4j`.
 */
export async function openGraph(
  env: CliEnv,
  options: { reuseRunning: boolean; log: (line: string) => void },
): Promise<OpenGraph> {
  const opened = await openStore(env, options);
  try {
    // An import killed earlier still holds the graph: every command starts by rolling it back.
    await opened.store.recoverImports({ log: options.log });
  } catch (error) {
    await opened.close();
    throw error;
  }
  return { ...opened, services: createServices(opened.store) };
}

async function openStore(
  env: CliEnv,
  options: { reuseRunning: boolean; log: (line: string) => void },
): Promise<Omit<OpenGraph, 'services'>> {
  if (env.NEO4J_URI) {
    const store = await GraphStore.connect({
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? (env.NEO4J_PASSWORD !== undefined ? 'neo4j' : undefined),
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
    });
    const close = () => store.close();
    return { store, where: env.NEO4J_URI, uri: env.NEO4J_URI, embedded: false, close };
  }

  const localUri = `bolt://127.0.0.1:${env.LINEAGE_NEO4J_PORT}`;
  if (options.reuseRunning && env.LINEAGE_NEO4J_PORT !== 0) {
    const running = await GraphStore.connect({ uri: localUri }).catch(() => undefined);
    if (running) {
      const where = `${localUri} (the embedded Neo4j of a running \`lineage start\`)`;
      return {
        store: running,
        where,
        uri: localUri,
        embedded: false,
        close: () => running.close(),
      };
    }
  }

  const dataDir = path.join(env.dataDir, 'neo4j');
  const neo4j = await startNeo4j({
    dataDir,
    port: env.LINEAGE_NEO4J_PORT,
    heap: env.LINEAGE_NEO4J_HEAP,
    pageCache: env.LINEAGE_NEO4J_PAGECACHE,
    transactionMax: env.LINEAGE_NEO4J_TX_MAX,
    transactionTotal: env.LINEAGE_NEO4J_TX_MAX,
    javaHome: env.JAVA_HOME,
    log: options.log,
  });
  try {
    const store = await GraphStore.connect({ uri: neo4j.uri });
    return {
      store,
      where: `${neo4j.uri} (embedded Neo4j 5.26, data in ${dataDir})`,
      uri: neo4j.uri,
      embedded: true,
      exited: neo4j.exited,
      close: async () => {
        await store.close();
        await neo4j.stop();
      },
    };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}
