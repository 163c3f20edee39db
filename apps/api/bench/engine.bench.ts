/**
 * The impact engine near the floor, in this process (no Neo4j): on the generated HF-shaped
 * graph, per hub among the 20 largest, the floor (a plain BFS), computeImpact, and what the
 * GraphQL impact resolver does after it (totals, the first page of exposed nodes with witness
 * paths; then the by-distance and by-relation counts the web app asks for), each as a ratio of
 * the floor measured in the same round (engine-measure.ts). Then applyLineageDeltas on the
 * same graph (engine-deltas.ts).
 *
 *   npm run bench:engine -- [--scale 100k|1M] [--rounds 9]
 */
import { parseArgs } from 'node:util';
import { dayNumber, DEFECT_CATEGORIES, nodeCount } from '@lineage/domain';
import { benchAsOf } from './dated-graph';
import { measureDeltas } from './engine-deltas';
import { generatedGraph } from './engine-graph';
import { median, measureHub, STEPS } from './engine-measure';
import { largestHubs } from './floor';
import { SEED, scaleNamed } from './scales';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100k' },
    rounds: { type: 'string', default: '9' },
  },
});
const scale = scaleNamed(values.scale!);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`--rounds must be a positive integer, got ${values.rounds}\n`);
  process.exit(1);
}

const x = (ratio: number) => `${ratio.toFixed(2)}x`;

function main() {
  const started = performance.now();
  process.stderr.write(`generating ${scale.name} (seed ${SEED})...\n`);
  const graph = generatedGraph(scale.nodes);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `${nodeCount(graph)} nodes, ${graph.edgeChild.length} edges in ${seconds} s; finding the 20 largest hubs...\n`,
  );
  const hubs = largestHubs(graph, 20);
  // As of the day the scale benchmark asks: every edge and node is compared with it.
  const asOf = dayNumber(benchAsOf());
  const columns = ['answer', ...STEPS] as const;
  const all = Object.fromEntries(columns.map((step) => [step, [] as number[]]));
  console.log(`as of ${benchAsOf()}, ratios of the floor (median of ${rounds} rounds);`);
  console.log(`answer = compute + totals + first page of 50\n`);
  console.log(['hub', 'exposed', 'floor ms', ...columns].join('\t'));
  hubs.forEach((hub, i) => {
    const category = DEFECT_CATEGORIES[i % DEFECT_CATEGORIES.length]!;
    const { floor, ratio, exposed } = measureHub(graph, hub.index, category, rounds, asOf);
    for (const step of columns) all[step]!.push(ratio[step]);
    const cells = columns.map((step) => x(ratio[step]));
    console.log([hub.id, exposed, floor.toFixed(2), ...cells].join('\t'));
  });
  const summary = columns.map((step) => `${step} ${x(median(all[step]!))}`);
  console.log(`\nmedian over the ${hubs.length} hubs: ${summary.join(', ')}`);
  const largest = columns.map((step) => `${step} ${x(all[step]![0]!)}`);
  console.log(`largest hub (${hubs[0]!.id}): ${largest.join(', ')}\n`);
  measureDeltas(graph, hubs[0]!, asOf, rounds);
}

main();
