import { startApiProcess, type ApiProcess } from '@lineage/testkit';
import { READ_TOKENS, WRITE_TOKENS } from './tokens';

export type { ApiProcess };

/** The real API as the suite runs it: its tokens, a request log line per request, faults. */
export function startSuiteApi(options: {
  neo4jUri: string;
  dropWrites?: number;
  readTokens?: boolean;
  /** Node's own options for the child (e.g. a smaller heap, so a leak shows as a crash). */
  nodeOptions?: string;
}): Promise<ApiProcess> {
  return startApiProcess({
    neo4jUri: options.neo4jUri,
    env: {
      // Info: one line per request, so the token check reads real traffic.
      LOG_LEVEL: 'info',
      LINEAGE_WRITE_TOKENS: WRITE_TOKENS,
      ...(options.readTokens ? { LINEAGE_READ_TOKENS: READ_TOKENS } : {}),
      LINEAGE_FAULT_DROP_WRITES: String(options.dropWrites ?? 0),
      ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    },
  });
}
