import {
  applyLineageDeltas,
  compactLineageGraph,
  computeImpact,
  ImpactView,
  nodeCount,
  overlayShare,
  type LineageDelta,
  type LineageGraph,
} from '@lineage/domain';
import { median } from './engine-measure';
import type { Hub } from './floor';

const DELTAS = 1000;

/** A deterministic sequence in [0, 1). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** One write's delta: a new FINE_TUNED_FROM edge from `child` to `parent`, or a new node. */
const edgeDelta = (graph: LineageGraph, child: number, parent: number): LineageDelta => ({
  version: 0,
  nodes: [],
  edges: [
    {
      from: graph.ids[child]!,
      to: graph.ids[parent]!,
      type: 'FINE_TUNED_FROM',
      declared: true,
      validFrom: '2023-01-01',
    },
  ],
  removedNodes: [],
  removedEdges: [],
});

/** The hub's answer (compute + totals + first page), ms. */
function answerMs(graph: LineageGraph, origin: number, asOf: number): number {
  const started = performance.now();
  const view = new ImpactView(
    computeImpact(graph, { category: 'JAILBREAK', status: 'OPEN', origins: [origin] }, { asOf }),
  );
  view.totals();
  view.page({}, 0, 50);
  return performance.now() - started;
}

/**
 * applyLineageDeltas at the graph's scale: one single-edge delta (median), one delta adding a
 * node and its edge, the largest hub's answer before and after a thousand single-edge deltas
 * among its descendants (interleaved rounds, median ratio), and one compaction.
 */
export function measureDeltas(graph: LineageGraph, hub: Hub, asOf: number, rounds: number) {
  const next = random(7);
  const reached = computeImpact(
    graph,
    { category: 'JAILBREAK', status: 'OPEN', origins: [hub.index] },
    { asOf },
  ).exposed;
  const pick = () => reached[Math.floor(next() * reached.length)]!;
  const anyNode = () => Math.floor(next() * nodeCount(graph));
  let changed = graph;
  const single: number[] = [];
  for (let i = 0; i < DELTAS; i++) {
    const delta = edgeDelta(changed, anyNode(), pick());
    const started = performance.now();
    changed = applyLineageDeltas(changed, [delta]);
    single.push(performance.now() - started);
  }
  // New nodes, each a delta of its own, applied in turn as a projection would.
  const appends: number[] = [];
  let withNodes = changed;
  for (let round = 0; round < rounds; round++) {
    const id = `model:bench-new/upload-${round}`;
    const delta = edgeDelta(changed, 0, pick());
    delta.nodes.push({ id, kind: 'FineTune', releasedAt: '2023-01-01' });
    delta.edges[0]!.from = id;
    const started = performance.now();
    withNodes = applyLineageDeltas(withNodes, [delta]);
    appends.push(performance.now() - started);
  }
  const appendMs = median(appends);
  const started = performance.now();
  const compacted = compactLineageGraph(changed);
  const compactMs = performance.now() - started;
  // After/before also counts what the new edges add to the impact; overlay/compacted is the
  // overlay's own cost: the same lineage, plain arrays.
  const grew: number[] = [];
  const overlaid: number[] = [];
  for (let round = -2; round < rounds; round++) {
    const before = answerMs(graph, hub.index, asOf);
    const after = answerMs(changed, hub.index, asOf);
    const plain = answerMs(compacted, hub.index, asOf);
    if (round < 0) continue;
    grew.push(after / before);
    overlaid.push(after / plain);
  }
  const sorted = [...single].sort((a, b) => a - b);
  console.log(
    `applyLineageDeltas, one edge: median ${median(single).toFixed(3)} ms, ` +
      `p99 ${sorted[Math.floor(sorted.length * 0.99)]!.toFixed(3)} ms, first ${single[0]!.toFixed(3)} ms ` +
      `(over ${DELTAS} successive deltas)`,
  );
  console.log(
    `applyLineageDeltas, one new node and its edge: median ${appendMs.toFixed(3)} ms (${rounds} in turn)`,
  );
  console.log(
    `largest hub's answer after ${DELTAS} single-edge deltas among its descendants ` +
      `(overlay ${(overlayShare(changed) * 100).toFixed(2)}% of nodes): ` +
      `${median(grew).toFixed(2)}x before, ${median(overlaid).toFixed(2)}x the same lineage compacted`,
  );
  console.log(`compactLineageGraph after them: ${compactMs.toFixed(0)} ms`);
  measureLongFeed(graph, hub);
}

/** Writes in a feed of 10 a second for an hour and more (compaction waits for 5% of rows). */
const FEED_WRITES = 40_000;
const FEED_SAMPLE = 1_000;

/**
 * A node and its edge under the largest hub, FEED_WRITES times in turn, as a projection applies
 * a steady feed: the median of the last FEED_SAMPLE against the first. The overlay's maps were
 * once copied whole for every write: 14 ms a write after 40,000 (2026-12-04).
 */
function measureLongFeed(graph: LineageGraph, hub: Hub) {
  let fed = graph;
  const times: number[] = [];
  for (let i = 0; i < FEED_WRITES; i++) {
    const id = `model:bench-feed/upload-${String(i).padStart(6, '0')}`;
    const delta = edgeDelta(fed, 0, hub.index);
    delta.nodes.push({ id, kind: 'FineTune', releasedAt: '2023-01-01' });
    delta.edges[0]!.from = id;
    const started = performance.now();
    fed = applyLineageDeltas(fed, [delta]);
    times.push(performance.now() - started);
  }
  const first = median(times.slice(0, FEED_SAMPLE));
  const last = median(times.slice(-FEED_SAMPLE));
  console.log(
    `applyLineageDeltas, a node under the largest hub after ${FEED_WRITES.toLocaleString('en')} such writes: ` +
      `median ${last.toFixed(3)} ms, ${(last / first).toFixed(2)}x the first ${FEED_SAMPLE} (${first.toFixed(3)} ms)`,
  );
}
