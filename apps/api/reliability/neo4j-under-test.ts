import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@lineage/graph-store/testing';
import { startNeo4j, type EmbeddedNeo4j } from '@lineage/neo4j-embedded';
import { reliabilityEnv } from './env';

export interface Neo4jUnderTest {
  uri: string;
  /** SIGKILL: a crash, not a clean shutdown; resolves once the JVM is gone. */
  kill(): Promise<void>;
  /** Starts Neo4j again on the same data and port, so clients reconnect to the same URI. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A real embedded Neo4j on a fixed free port and a fresh data directory of its own. */
export async function startNeo4jUnderTest(): Promise<Neo4jUnderTest> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lineage-reliability-'));
  const port = await freePort();
  const start = () =>
    startNeo4j({
      dataDir,
      port,
      heap: '1g',
      pageCache: '256m',
      javaHome: reliabilityEnv.JAVA_HOME,
    });
  let running: EmbeddedNeo4j = await start();
  return {
    uri: running.uri,
    async kill() {
      process.kill(running.pid, 'SIGKILL');
      await running.exited;
    },
    async restart() {
      running = await start();
    },
    async stop() {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
