import { fileURLToPath } from 'node:url';
import { startService } from '@lineage/cli';
import { freePort } from '@lineage/graph-store/testing';
import { childEnvironment } from './env';

const apiDir = fileURLToPath(new URL('../../../apps/api', import.meta.url));

export interface ApiProcess {
  url: string;
  port: number;
  /** Every line the API wrote (pino's JSON on stdout, anything on stderr), in order. */
  logs: string[];
  /** Settles if the API process exits, for whatever reason. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  neo4jUri: string;
  /** On top of the API's environment: tokens, limits, faults, LOG_LEVEL (default warn). */
  env?: Record<string, string>;
  /** Where each log line goes besides `logs` (nowhere by default). */
  log?: (line: string) => void;
}

/**
 * The real API (`apps/api/src/main.ts`) in a Node process of its own, on a free loopback port,
 * talking to Neo4j over Bolt: as users run it. Resolves once `/health` answers.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await freePort();
  const logs: string[] = [];
  const service = await startService({
    name: 'api',
    command: process.execPath,
    args: ['--import', 'tsx', 'src/main.ts'],
    cwd: apiDir,
    env: childEnvironment({
      NEO4J_URI: options.neo4jUri,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...options.env,
    }),
    url: `http://127.0.0.1:${port}/graphql`,
    healthUrl: `http://127.0.0.1:${port}/health`,
    log: (line) => {
      logs.push(line);
      options.log?.(line);
    },
  });
  return {
    url: service.url,
    port,
    logs,
    exited: service.exited,
    stop: service.stop,
  };
}
