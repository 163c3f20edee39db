import type { ProjectionStatus } from '@lineage/graph-store';
import { graphql, startApiProcess, type ApiProcess } from '@lineage/testkit';
import { STATS } from './queries';
import { NODE_HEAP_MB } from './scales';

export const BENCH_WRITER = { name: 'bench', token: 'bench-write-token-0123456789' };

/** The API as users run it: its own Node process, talking to Neo4j over Bolt. */
export function startApi(neo4jUri: string, options: { projection: boolean }): Promise<ApiProcess> {
  return startApiProcess({
    neo4jUri,
    env: {
      LINEAGE_PROJECTION: options.projection ? 'on' : 'off',
      // The Cypher-only impact of a hub takes seconds at a million nodes: let it finish.
      LINEAGE_QUERY_TIMEOUT_MS: '300000',
      LINEAGE_WRITE_TOKENS: `${BENCH_WRITER.name}:${BENCH_WRITER.token}`,
      // The API holds the whole lineage as typed arrays: about 1.5 GB at 5M nodes.
      NODE_OPTIONS: `--max-old-space-size=${NODE_HEAP_MB}`,
    },
    log: (line) => process.stderr.write(`${line}\n`),
  });
}

/** The store's projection status as `stats { projection }` answers it. */
export type ProjectionStats = Omit<ProjectionStatus, 'version'> & {
  graphVersion: number | null;
  current: boolean;
};

export async function projectionStats(url: string): Promise<ProjectionStats | null> {
  const data = await graphql<{ stats: { projection: ProjectionStats | null } }>(url, STATS);
  return data.stats.projection;
}

/**
 * Waits until the API holds the lineage at the current graph version; `kick` runs an impact
 * query, which starts a rebuild when the projection is stale and none is running.
 */
export async function projectionReady(
  url: string,
  kick: () => Promise<unknown>,
  timeoutMs = 300_000,
): Promise<ProjectionStats> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A rebuild blocks the API's event loop for seconds at a million nodes (building the typed
    // arrays), and a poll on a kept-alive connection may then be reset: poll again.
    const stats = await projectionStats(url).catch((error: Error) => {
      if (Date.now() > deadline) throw error;
      return undefined;
    });
    if (stats === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    if (stats?.current) return stats;
    if (stats && !stats.building) await kick();
    if (Date.now() > deadline) throw new Error('the API did not build its lineage projection');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
