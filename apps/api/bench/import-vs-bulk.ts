import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { GraphStore } from '@lineage/graph-store';
import {
  generateSynthetic,
  HF_SHAPE,
  writeHfEdgesCsv,
  type SyntheticItem,
} from '@lineage/importers';
import { startNeo4j } from '@lineage/neo4j-embedded';
import { childEnvironment } from '@lineage/testkit';
import { benchEnv } from './env';
import { watchPeakMemory } from './peak-memory';
import { rateLine, type Progress } from './progress';
import { SEED, type Scale } from './scales';

/** Model-to-model edges per lineage node the generator makes (9,144 at 10k; 0.91 at 1M). */
const EDGES_PER_NODE = 0.914;
/**
 * Rows the bulk load writes per generated node (the models, organisations and datasets, and the
 * relations the CSV holds): 3,157,197 for 1,094,092 nodes (2026-12-03). The progress lines'
 * estimate of the total: nodes plus edges alone undercounted, and the lines ran to 130%.
 */
const BULK_ROWS_PER_NODE = 2.89;
/** An import that runs longer is stopped and reported as such. */
const IMPORT_CAP_MS = 3 * 60 * 60 * 1000;

export interface ImportResult {
  edges: number;
  file: string;
  bulk: { seconds: number; rows: number };
  import:
    | { ok: true; seconds: number; cliPeakBytes: number; neo4jPeakBytes: number }
    | { ok: false; seconds: number; cliPeakBytes: number; neo4jPeakBytes: number; error: string };
}

const CSV_RELATIONS = new Set([
  'DEVELOPED_BY',
  'FINE_TUNED_FROM',
  'QUANTIZED_FROM',
  'MERGED_FROM',
  'ADAPTER_OF',
]);

/**
 * What the edges CSV says, as records: the owners, the models, who developed each, the edges
 * (the import makes the same: a provider per owner, DEVELOPED_BY, the typed edges).
 */
function* sameRows(nodes: number): Generator<SyntheticItem> {
  for (const item of generateSynthetic(nodes, SEED)) {
    if (
      'node' in item ? item.node.kind !== 'Deployment' : CSV_RELATIONS.has(item.relationship.type)
    )
      yield item;
  }
}

/**
 * A Hugging Face edges CSV of about `edges` rows imported by the real `lineage import` (a
 * process of its own with its own embedded Neo4j, as a user runs it), beside the bench's bulk
 * load of the same rows into another fresh store: wall time each, and the import's peak memory
 * (the CLI's and its Neo4j JVM's). A failed import is reported, never thrown.
 */
export async function importBesideBulkLoad(
  repo: string,
  scale: Scale,
  edges: number,
  progress: Progress,
): Promise<ImportResult> {
  const nodes = Math.ceil(edges / EDGES_PER_NODE);
  const work = path.join(repo, '.data/bench', `import-${edges}-seed${SEED}-v${HF_SHAPE.version}`);
  const file = path.join(work, `hf-edges-${edges}.csv`);
  await mkdir(work, { recursive: true });
  if (!existsSync(file)) {
    progress.line(`import: writing ${file} (${nodes.toLocaleString('en')} generated nodes)`);
    const { rows } = await writeHfEdgesCsv({ nodes, seed: SEED, file });
    progress.line(`import: ${rows.toLocaleString('en')} edges written`);
  }
  const rows = { nodes, estimate: Math.round(nodes * BULK_ROWS_PER_NODE) };
  const bulk = await bulkLoadSameRows(path.join(work, 'bulk'), scale, rows, progress);
  const imported = await importWithCli(repo, path.join(work, 'cli'), scale, file, progress);
  return { edges, file: path.relative(repo, file), bulk, import: imported };
}

async function bulkLoadSameRows(
  dir: string,
  scale: Scale,
  { nodes, estimate }: { nodes: number; estimate: number },
  progress: Progress,
) {
  await rm(dir, { recursive: true, force: true });
  progress.line('import: the bulk load of the same rows into a fresh store');
  const started = performance.now();
  const neo4j = await startNeo4j({
    dataDir: dir,
    heap: scale.heap,
    pageCache: scale.pageCache,
    javaHome: benchEnv.JAVA_HOME,
  });
  try {
    const store = await GraphStore.connect({ uri: neo4j.uri, queryTimeoutMs: 600_000 });
    try {
      await store.migrate();
      const change = { by: 'bench', action: 'bulk load', summary: 'the HF edges, as records' };
      let last = { at: started, rows: 0 };
      const report = await store.bulkLoad(sameRows(nodes), change, {
        onProgress: (nodesDone, relationshipsDone) => {
          const now = performance.now();
          if (now - last.at < 10_000) return;
          const done = nodesDone + relationshipsDone;
          const recent = { rows: done - last.rows, ms: now - last.at };
          progress.line(rateLine('import: bulk load', done, estimate, now - started, recent));
          last = { at: now, rows: done };
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const rows = report.nodes + report.relationships;
      progress.line(
        `import: bulk load ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`,
      );
      return { seconds, rows };
    } finally {
      await store.close();
    }
  } finally {
    await neo4j.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function importWithCli(
  repo: string,
  dataDir: string,
  scale: Scale,
  file: string,
  progress: Progress,
): Promise<ImportResult['import']> {
  await rm(dataDir, { recursive: true, force: true });
  const neo4jMemory =
    'importNeo4j' in scale
      ? `, Neo4j heap ${scale.importNeo4j.heap}, transaction cap ${scale.importNeo4j.transactionMax}`
      : '';
  progress.line(
    `import: lineage import ${path.basename(file)} --format hf-tree (fresh store${neo4jMemory})`,
  );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(repo, 'packages/cli/bin/lineage.mjs'), 'import', file, '--format', 'hf-tree'],
    {
      env: childEnvironment({
        LINEAGE_DATA_DIR: dataDir,
        // Port 0: a Neo4j of its own, never a running `lineage start`'s.
        LINEAGE_NEO4J_PORT: '0',
        LINEAGE_NEO4J_PAGECACHE: scale.pageCache,
        ...('importNeo4j' in scale
          ? {
              LINEAGE_NEO4J_HEAP: scale.importNeo4j.heap,
              LINEAGE_NEO4J_TX_MAX: scale.importNeo4j.transactionMax,
            }
          : { LINEAGE_NEO4J_HEAP: scale.heap }),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const memory = watchPeakMemory(child.pid!);
  let tail = '';
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      progress.line(`lineage import: ${line}`);
      tail = `${tail}\n${line}`.split('\n').slice(-8).join('\n');
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const cap = setTimeout(() => child.kill('SIGTERM'), IMPORT_CAP_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(cap);
  const peaks = memory.stop();
  const seconds = (performance.now() - started) / 1000;
  await rm(dataDir, { recursive: true, force: true });
  const figures = { seconds, cliPeakBytes: peaks.main, neo4jPeakBytes: peaks.jvm };
  if (code === 0) return { ok: true, ...figures };
  const error = code === null ? `stopped after ${IMPORT_CAP_MS / 60_000} min` : `exit ${code}`;
  return { ok: false, ...figures, error: `${error}: ${tail.trim().split('\n').at(-1) ?? ''}` };
}
