import { computeImpact, ImpactView, nodeCount, type LineageGraph } from '@lineage/domain';
import { breadthFirstReach } from './floor';

export const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[samples.length >> 1]!;

export const STEPS = ['compute', 'totals', 'page', 'byDistance', 'byRelation'] as const;
export type Step = (typeof STEPS)[number];

/**
 * Each step's time for one hub, as a ratio of the floor: every round runs the floor, then
 * computes a fresh impact and runs the steps on it in the resolver's order (so work an impact
 * does once, ordering or indexing, is counted where a request first pays for it), and divides
 * by that round's floor. The median over rounds of each ratio: a machine whose load changes
 * slows the floor and the steps alike within a round.
 */
export function measureHub(
  graph: LineageGraph,
  origin: number,
  category: string,
  rounds: number,
  asOf?: number,
) {
  const queue = new Int32Array(nodeCount(graph));
  const seen = new Uint8Array(nodeCount(graph));
  const defect = { category, status: 'OPEN', origins: [origin] } as Parameters<
    typeof computeImpact
  >[1];
  let view = new ImpactView(computeImpact(graph, defect, { asOf }));
  const work: Record<Step, () => unknown> = {
    compute: () => (view = new ImpactView(computeImpact(graph, defect, { asOf }))),
    totals: () => view.totals(),
    page: () => view.page({}, 0, 50),
    byDistance: () => view.byDistance(),
    byRelation: () => view.byRelation(),
  };
  const floors: number[] = [];
  const ratios = Object.fromEntries(STEPS.map((step) => [step, [] as number[]])) as Record<
    Step | 'answer',
    number[]
  >;
  ratios.answer = [];
  // Two rounds to warm the JIT up, as the API's many queries do.
  for (let round = -2; round < rounds; round++) {
    let started = performance.now();
    breadthFirstReach(graph, origin, queue, seen);
    const floor = performance.now() - started;
    const times = {} as Record<Step, number>;
    for (const step of STEPS) {
      started = performance.now();
      work[step]();
      times[step] = performance.now() - started;
    }
    if (round < 0) continue;
    floors.push(floor);
    for (const step of STEPS) ratios[step].push(times[step] / floor);
    ratios.answer.push((times.compute + times.totals + times.page) / floor);
  }
  const ratio = Object.fromEntries(
    Object.entries(ratios).map(([step, list]) => [step, median(list)]),
  ) as Record<Step | 'answer', number>;
  return { floor: median(floors), ratio, exposed: view.impact.exposed.length };
}
