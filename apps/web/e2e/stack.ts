import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startService, type RunningService } from '@lineage/cli';
import { GraphStore } from '@lineage/graph-store';
import { freePort } from '@lineage/graph-store/testing';
import { startNeo4j } from '@lineage/neo4j-embedded';
import { startApiProcess } from '@lineage/testkit';
import { childEnvironment, e2eEnv } from './env';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));

export interface Stack {
  webUrl: string;
  apiUrl: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Fills the fresh Neo4j; left out with `neo4jUri`. */
  load?: (store: GraphStore) => Promise<void>;
  /** The fresh Neo4j's memory: an import of the real sources is one large transaction each. */
  neo4jMemory?: Neo4jMemory;
  /** A Neo4j that already holds the data (another suite's), instead of a fresh one. */
  neo4jUri?: string;
  /** On top of the API's environment, e.g. LINEAGE_READ_TOKENS. */
  apiEnv?: Record<string, string>;
  /** On top of the web app's environment, e.g. LINEAGE_API_TOKEN. */
  webEnv?: Record<string, string>;
  log: (line: string) => void;
  /** The API's and the web app's own output, line by line (dropped by default). */
  serviceLog?: (line: string) => void;
}

/**
 * The real stack on one machine: a fresh embedded Neo4j loaded by `load` (or the one at
 * `neo4jUri`), the API, and the production build of the web app (`next build`, cached by
 * turbo, then `next start`).
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const neo4j = options.neo4jUri
    ? undefined
    : await startFreshNeo4j(options.load, options.neo4jMemory);
  const neo4jUri = options.neo4jUri ?? neo4j!.uri;
  const services: Pick<RunningService, 'stop'>[] = [];
  const stop = async () => {
    for (const service of services.reverse()) await service.stop();
    await neo4j?.stop();
  };
  try {
    const api = await startApiProcess({
      neo4jUri,
      ...(options.apiEnv ? { env: options.apiEnv } : {}),
      ...(options.serviceLog ? { log: options.serviceLog } : {}),
    });
    services.push(api);

    options.log('building the web app (cached when unchanged)...');
    const build = spawnSync(
      'npx',
      ['turbo', 'run', 'build', '--filter=@lineage/web', '--output-logs=errors-only'],
      { cwd: repo, env: childEnvironment({}), encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);

    const webPort = await freePort();
    const web = await startService({
      name: 'web',
      command: process.execPath,
      args: [path.join(repo, 'node_modules/next/dist/bin/next'), 'start', '-p', String(webPort)],
      cwd: path.join(repo, 'apps/web'),
      env: childEnvironment({
        LINEAGE_API_URL: api.url,
        LINEAGE_PUBLIC_API_URL: api.url,
        ...options.webEnv,
      }),
      url: `http://127.0.0.1:${webPort}`,
      healthUrl: `http://127.0.0.1:${webPort}/icon.svg`,
      log: options.serviceLog ?? (() => {}),
    });
    services.push(web);
    return { webUrl: web.url, apiUrl: api.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface Neo4jMemory {
  heap: string;
  transactionMax: string;
  transactionTotal: string;
}

/** A Neo4j of the stack's own in a temporary directory, migrated and filled by `load`. */
export async function startFreshNeo4j(
  load: StackOptions['load'],
  memory: Neo4jMemory = { heap: '1g', transactionMax: '512m', transactionTotal: '1g' },
) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lineage-stack-'));
  const neo4j = await startNeo4j({ dataDir, ...memory, javaHome: e2eEnv.JAVA_HOME });
  const stop = async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // An import of the real Hugging Face tree takes minutes in one transaction (issue 14).
    const store = await GraphStore.connect({ uri: neo4j.uri, writeTimeoutMs: 900_000 });
    try {
      await store.migrate();
      await load?.(store);
    } finally {
      await store.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri: neo4j.uri, stop };
}
