import { fileURLToPath } from 'node:url';
import { startService } from '@lineage/cli';
import { freePort } from '@lineage/graph-store/testing';
import { childEnvironment } from './env';
import { READ_TOKENS, WRITE_TOKENS } from './tokens';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

export interface ApiProcess {
  url: string;
  /** Every line the API wrote (pino's JSON on stdout, anything on stderr), in order. */
  logs: string[];
  /** Settles if the API process exits, for whatever reason. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** The real API (`src/main.ts`) in a process of its own, on a free loopback port. */
export async function startApiProcess(options: {
  neo4jUri: string;
  dropWrites?: number;
  readTokens?: boolean;
  /** Node's own options for the child (e.g. a smaller heap, so a leak shows as a crash). */
  nodeOptions?: string;
}): Promise<ApiProcess> {
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
      // Info: one line per request, so the token check below reads real traffic.
      LOG_LEVEL: 'info',
      LINEAGE_WRITE_TOKENS: WRITE_TOKENS,
      ...(options.readTokens ? { LINEAGE_READ_TOKENS: READ_TOKENS } : {}),
      LINEAGE_FAULT_DROP_WRITES: String(options.dropWrites ?? 0),
      ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    }),
    url: `http://127.0.0.1:${port}/graphql`,
    healthUrl: `http://127.0.0.1:${port}/health`,
    log: (line) => logs.push(line),
  });
  return { url: service.url, logs, exited: service.exited, stop: service.stop };
}
