import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GraphStore } from '@lineage/graph-store';
import { generateSynthetic, HF_SHAPE } from '@lineage/importers';
import { startNeo4j, type EmbeddedNeo4j } from '@lineage/neo4j-embedded';
import { DATING, withDates } from './dated-graph';
import { benchEnv } from './env';
import { rateLine, type Progress } from './progress';
import { SEED, type Scale } from './scales';

export interface LoadFigures {
  nodes: number;
  relationships: number;
  seconds: number;
  /** When the load ran: now, or an earlier run whose store is reused. */
  at: string;
  cached: boolean;
}

export interface BenchStore {
  neo4j: EmbeddedNeo4j;
  store: GraphStore;
  load: LoadFigures;
  close(): Promise<void>;
}

const MARKER = 'bench-load.json';

/**
 * An embedded Neo4j holding the generated graph of `scale`, dated (dated-graph.ts). The store
 * under .data/bench is keyed by scale, seed, generator version and dating version and reused
 * while they match, so only the first run of a scale pays for the load.
 */
export async function openBenchStore(
  scale: Scale,
  repo: string,
  progress: Progress,
  options: { reload?: boolean } = {},
): Promise<BenchStore> {
  const name = `${scale.name}-seed${SEED}-v${HF_SHAPE.version}-dated${DATING.version}`;
  const dir = path.join(repo, '.data/bench', name);
  const marker = path.join(dir, MARKER);
  const cached = !options.reload && existsSync(marker);
  if (!cached) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  }
  const neo4j = await startNeo4j({
    dataDir: path.join(dir, 'neo4j'),
    heap: scale.heap,
    pageCache: scale.pageCache,
    javaHome: benchEnv.JAVA_HOME,
    // Throughput over pause times: the load is most of this Neo4j's work.
    throughputGc: true,
  });
  const store = await GraphStore.connect({ uri: neo4j.uri, queryTimeoutMs: 600_000 });
  const close = async () => {
    await store.close();
    await neo4j.stop();
  };
  try {
    await store.migrate();
    const load = cached
      ? { ...(JSON.parse(await readFile(marker, 'utf8')) as LoadFigures), cached: true }
      : await loadGenerated(store, scale, progress);
    if (!cached) await writeFile(marker, JSON.stringify(load, null, 2));
    return { neo4j, store, load, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** About two relationships per lineage node: progress counts rows of both. */
const ROWS_PER_NODE = 2.97;
const PROGRESS_EVERY_MS = 10_000;

async function loadGenerated(
  store: GraphStore,
  scale: Scale,
  progress: Progress,
): Promise<LoadFigures> {
  const total = Math.round(scale.nodes * ROWS_PER_NODE);
  progress.line(`bulk load of ${scale.name}: ~${total.toLocaleString('en')} rows`);
  const started = performance.now();
  let last = { at: started, rows: 0 };
  const report = await store.bulkLoad(
    withDates(generateSynthetic(scale.nodes, SEED), scale.nodes),
    { by: 'bench', action: 'bulk load', summary: `generated ${scale.name}, seed ${SEED}` },
    {
      onProgress: (nodes, relationships) => {
        const now = performance.now();
        if (now - last.at < PROGRESS_EVERY_MS) return;
        const rows = nodes + relationships;
        const recent = { rows: rows - last.rows, ms: now - last.at };
        progress.line(rateLine('bulk load', rows, total, now - started, recent));
        last = { at: now, rows };
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const rows = report.nodes + report.relationships;
  progress.line(
    `bulk load done: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s)`,
  );
  return {
    nodes: report.nodes,
    relationships: report.relationships,
    seconds,
    at: new Date().toISOString(),
    cached: false,
  };
}
