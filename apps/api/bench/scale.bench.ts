/**
 * Scale benchmark (not a test): `npm run bench -- --scale 10k|100k|1M|5M` (`--help` for the
 * rest). Loads (or reuses) a generated HF-shaped graph in an embedded Neo4j, then measures the
 * bulk load against one MERGE per transaction, hub impact through the API against Cypher alone
 * and against an in-memory BFS floor, node pages, one-hop neighbourhoods and mixed read
 * throughput; with --writes the hub queries under a writer, with --import `lineage import` of
 * an HF edges CSV beside the bulk load of its rows. Progress goes to stdout and a log file as
 * timestamped lines; the Markdown report to stdout and bench/results/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import {
  computeImpact,
  dayNumber,
  ImpactView,
  nodeCount,
  nodeIndex,
  type LineageGraph,
} from '@lineage/domain';
import type { GraphStore } from '@lineage/graph-store';
import { NaiveCypher } from '@lineage/graph-store/bench';
import { generateSynthetic } from '@lineage/importers';
import { projectionReady, startApi } from './api-process';
import { openBenchStore } from './bench-store';
import { benchAsOf } from './dated-graph';
import { besideTheFloor, breadthFirstReach, largestHubs, sampleIds } from './floor';
import { graphql } from '@lineage/testkit';
import { IMPACT, NODE_PAGE, ONE_HOP } from './queries';
import {
  fileBenchDefects,
  measureImpactPairs,
  measureImpacts,
  type BenchDefect,
} from './hub-impact';
import { importBesideBulkLoad } from './import-vs-bulk';
import { mixedReads } from './mixed-reads';
import { parseBenchOptions, type BenchOptions, type RawBenchOptions } from './options';
import { Progress } from './progress';
import { renderReport } from './report';
import { p50, p95, timed } from './stats';
import { measureUnderWrites, WRITTEN_PREFIX } from './writes';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const HUBS = 20;
const ROUNDS = 3;
/** The largest hub's query and the engine, each beside a floor run, this many rounds. */
const FLOOR_ROUNDS = 16;
const MERGE_SAMPLE_NODES = 1_000;
const PLAIN_CYPHER_HUBS = 5;
const PLAIN_CYPHER_CAP_MS = 5_000;
/** A Cypher closure per query (projection off) may take minutes at 5M; one over this is capped. */
const CYPHER_ONLY_CAP_MS = 30_000;
const PAGE_SAMPLE = 200;

let progress: Progress;
const step = (message: string) => progress.line(message);

async function main(options: BenchOptions) {
  const { scale } = options;
  step(`${scale.name}: opening the store (loads it on the first run of this scale)`);
  const bench = await openBenchStore(scale, repo, progress, { reload: options.reload });
  if (options.loadOnly) {
    step(`--load-only: the store of ${scale.name} is loaded; a run without it reuses it`);
    return bench.close();
  }
  try {
    const merge = await mergeBaseline(bench.store, bench.neo4j.uri);
    await removeEarlierWrites(bench.store, bench.neo4j.uri);
    step(`reading the lineage into memory for hubs, samples and the floor`);
    const graph = await wholeLineage(bench.store);
    const hubs = largestHubs(graph, HUBS);
    const defects = await fileBenchDefects(bench.store, hubs);
    const floor = floorTimes(graph, defects);
    const asOf = benchAsOf();
    const engine = await engineTime(graph, defects[0]!);
    const engineAsOf = await engineTime(graph, defects[0]!, dayNumber(asOf));
    const { largestHubBesideFloor, written, ...results } = await measureThroughApi(
      bench.neo4j.uri,
      graph,
      defects,
      asOf,
      options.writes,
    );
    if (written.length) {
      const change = { by: 'bench', action: 'remove', summary: 'the writes of --writes' };
      await bench.store.removeNodes(written, change);
    }
    const impactCypherOnly = await cypherOnlyImpact(bench.neo4j.uri, defects);
    step(`plain variable-length Cypher on the ${PLAIN_CYPHER_HUBS} largest hubs`);
    const naive = NaiveCypher.open({ uri: bench.neo4j.uri });
    const runs = [];
    for (const defect of defects.slice(0, PLAIN_CYPHER_HUBS)) {
      runs.push(await naive.pathsDownstreamOf(defect.hub.id, PLAIN_CYPHER_CAP_MS));
    }
    await naive.close();
    // The import and its bulk load get the machine's memory to themselves: this store stops.
    await bench.close();
    const imported =
      options.importEdges === undefined
        ? undefined
        : await importBesideBulkLoad(repo, scale, options.importEdges, progress);
    const report = renderReport({
      scale,
      graph: { lineageNodes: nodeCount(graph), lineageEdges: graph.edgeChild.length },
      load: bench.load,
      merge,
      hubs: defects.length,
      floor: { p50: p50([...floor.values()]), p95: p95([...floor.values()]) },
      plainCypher: { capMs: PLAIN_CYPHER_CAP_MS, runs },
      largestHubTimes: { graphql: largestHubBesideFloor, engine, engineAsOf: engineAsOf.ms },
      impactCypherOnly,
      ...results,
      ...(imported ? { imported } : {}),
    });
    const file = path.join(repo, 'bench/results', `scale-${scale.name}-${Date.now()}.md`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, report);
    process.stdout.write(`${report}\n`);
    step(`report written to ${path.relative(repo, file)}; this log: ${progress.logFile}`);
  } finally {
    await bench.close();
  }
}

/** What a --writes run killed before its end left in the cached store (see WRITTEN_PREFIX). */
async function removeEarlierWrites(store: GraphStore, uri: string) {
  const naive = NaiveCypher.open({ uri });
  const left = await naive.idsStartingWith(WRITTEN_PREFIX).finally(() => naive.close());
  if (!left.length) return;
  step(`removing ${left.length} nodes an earlier --writes run left in the store`);
  await store.removeNodes(left, { by: 'bench', action: 'remove', summary: 'earlier writes' });
}

/** One MERGE per transaction for a small generated sample, then the sample is removed. */
async function mergeBaseline(store: GraphStore, uri: string) {
  const items = [...generateSynthetic(MERGE_SAMPLE_NODES, 9_999)];
  step(`baseline: ${items.length} rows, one MERGE per transaction`);
  const naive = NaiveCypher.open({ uri });
  const { ms } = await timed(() => naive.mergeOneByOne(items));
  await naive.close();
  const ids = items.flatMap((item) => ('node' in item ? [item.node.id] : []));
  await store.removeNodes(ids, { by: 'bench', action: 'remove', summary: 'baseline sample' });
  return { rows: items.length, seconds: ms / 1000 };
}

async function wholeLineage(store: GraphStore): Promise<LineageGraph> {
  const projection = store.enableProjection();
  await projection.refresh();
  const graph = await projection.at(await store.graphVersion());
  if (!graph) throw new Error('the graph changed while the benchmark read it');
  return graph;
}

/**
 * Where the largest hub's time goes: the impact engine alone, in this process, over the same
 * arrays (three level searches, ordering, totals and the first page), each run beside a floor
 * run; as of a day when given, else whatever the dates (no date compared).
 */
function engineTime(graph: LineageGraph, defect: BenchDefect, asOf?: number) {
  const origin = nodeIndex(graph, defect.hub.id);
  const run = () => {
    const started = performance.now();
    const view = new ImpactView(
      computeImpact(
        graph,
        { category: defect.category, status: 'OPEN', origins: [origin] },
        { asOf },
      ),
    );
    view.totals();
    view.page({}, 0, 50);
    return performance.now() - started;
  };
  // 5 runs first to warm the JIT up, as the API's many queries do.
  for (let i = 0; i < 5; i++) run();
  return besideTheFloor(graph, origin, FLOOR_ROUNDS, run);
}

/** Per hub, the median of 5 in-memory BFS runs. */
function floorTimes(graph: LineageGraph, defects: BenchDefect[]): Map<string, number> {
  const queue = new Int32Array(nodeCount(graph));
  const seen = new Uint8Array(nodeCount(graph));
  const times = new Map<string, number>();
  for (const defect of defects) {
    const origin = nodeIndex(graph, defect.hub.id);
    const runs = Array.from({ length: 5 }, () => {
      const started = performance.now();
      breadthFirstReach(graph, origin, queue, seen);
      return performance.now() - started;
    });
    times.set(defect.id, p50(runs));
  }
  return times;
}

async function measureThroughApi(
  neo4jUri: string,
  graph: LineageGraph,
  defects: BenchDefect[],
  asOf: string,
  writesPerSecond: number | undefined,
) {
  step('starting the API with its lineage projection');
  const api = await startApi(neo4jUri, { projection: true });
  try {
    const kick = () => graphql(api.url, IMPACT, { id: defects[0]!.id });
    const ready = await projectionReady(api.url, kick);
    step(
      `projection built in ${(ready.buildMs / 1000).toFixed(1)} s; hub impact, ${ROUNDS} rounds`,
    );
    await measureImpacts(api.url, defects, 1); // warm-up: JIT, page cache
    const samples = await measureImpacts(api.url, defects, ROUNDS);
    step(`hub impact as of ${asOf} beside the same query without asOf, ${ROUNDS} rounds`);
    await measureImpactPairs(api.url, defects, 1, asOf); // warm-up of the dated queries
    const pairs = await measureImpactPairs(api.url, defects, ROUNDS, asOf);
    const after = await projectionReady(api.url, kick);
    if (after.served - ready.served < samples.length + 2 * pairs.length) {
      throw new Error('some impact queries fell back to Cypher: the projection went stale');
    }
    const largestHub = samples.filter((s) => s.defect.id === defects[0]!.id);
    step(`the largest hub's impact beside the floor, ${FLOOR_ROUNDS} rounds`);
    const largestHubBesideFloor = await besideTheFloor(
      graph,
      nodeIndex(graph, defects[0]!.hub.id),
      FLOOR_ROUNDS,
      async () => (await timed(kick)).ms,
    );
    const ids = sampleIds(graph, PAGE_SAMPLE);
    step(`node pages and one-hop neighbourhoods of ${ids.length} nodes`);
    const nodePage = await latencies(api.url, NODE_PAGE, ids);
    const oneHop = await latencies(api.url, ONE_HOP, ids);
    step('mixed reads with autocannon, 30 s');
    const names = ids.slice(0, 50).map((id) => id.split('/').pop()!);
    const mixed = await mixedReads(api.url, ids, names, { seconds: 30, connections: 32 });
    const writes =
      writesPerSecond === undefined
        ? undefined
        : await measureUnderWrites(api.url, defects, writesPerSecond, progress);
    return {
      written: writes?.writtenIds ?? [],
      ...(writes ? { writes } : {}),
      projectionBuildMs: ready.buildMs,
      largestHub: { id: defects[0]!.hub.id, exposed: largestHub[0]!.exposed },
      largestHubBesideFloor,
      impact: {
        p50: p50(samples.map((s) => s.ms)),
        p95: p95(samples.map((s) => s.ms)),
        samples: samples.length,
      },
      asOf: {
        day: asOf,
        withAsOf: spread(pairs.map((pair) => pair.asOf.ms)),
        without: spread(pairs.map((pair) => pair.without.ms)),
        samples: pairs.length,
        largestHubExposed: {
          withAsOf: pairs[0]!.asOf.exposed,
          without: pairs[0]!.without.exposed,
        },
      },
      nodePage,
      oneHop,
      mixed,
    };
  } finally {
    await api.stop();
  }
}

/** The "before": the same API with no projection, each hub once after one warm-up query. */
async function cypherOnlyImpact(neo4jUri: string, defects: BenchDefect[]) {
  step('hub impact again with the projection off (Cypher closure per query)');
  const api = await startApi(neo4jUri, { projection: false });
  try {
    await measureImpacts(api.url, defects.slice(-1), 1, CYPHER_ONLY_CAP_MS);
    const samples = await measureImpacts(api.url, defects, 1, CYPHER_ONLY_CAP_MS);
    const times = samples.map((s) => s.ms);
    const largest = samples.find((s) => s.defect.id === defects[0]!.id)!.ms;
    const capped = samples.filter((s) => s.capped).length;
    return { p50: p50(times), p95: p95(times), samples: samples.length, largest, capped };
  } finally {
    await api.stop();
  }
}

const spread = (times: number[]) => ({ p50: p50(times), p95: p95(times) });

async function latencies(url: string, query: string, ids: string[]) {
  for (const id of ids.slice(0, 20)) await graphql(url, query, { id });
  const times: number[] = [];
  for (const id of ids) times.push((await timed(() => graphql(url, query, { id }))).ms);
  return { p50: p50(times), p95: p95(times) };
}

const program = new Command('bench')
  .description(
    'Lineage scale benchmark: load, impact, node pages, mixed reads; with --writes, impact under writes; with --import, lineage import beside the bulk load. The loaded store is kept in .data/bench/ and reused by later runs of the scale.',
  )
  .option('--scale <scale>', 'graph size: 10k, 100k, 1M or 5M', '10k')
  .option('--writes <n>', 'also run the hub queries while a writer adds lineage at n writes/s')
  .option(
    '--import [edges]',
    'also import an HF edges CSV through `lineage import` beside the bulk load of its rows (edges: the scale, 1M at most)',
  )
  .option('--load-only', 'load the store (or find it loaded) and stop')
  .option('--reload', 'load again even when the store of this scale is cached')
  .option('--log <file>', 'the progress log (default: bench/results/scale-<scale>-<time>.log)')
  .addHelpText(
    'after',
    '\nExamples:\n  npm run bench -- --scale 1M --writes 10 --import\n  nohup npm run bench -- --scale 5M > bench-5M.out 2>&1 &   then tail -f the log it names',
  )
  .action(async (raw: RawBenchOptions) => {
    const defaultLog = path.join(repo, 'bench/results', `scale-${raw.scale}-${Date.now()}.log`);
    const options = parseBenchOptions(raw, defaultLog);
    progress = new Progress(options.logFile);
    step(`bench ${process.argv.slice(2).join(' ')} (log: ${options.logFile})`);
    await main(options);
  });

program.parseAsync().catch((error: Error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  progress?.line(`failed: ${error.message}`);
  process.exit(1);
});
