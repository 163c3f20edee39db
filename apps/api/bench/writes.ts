import { postGraphQL } from '@lineage/testkit';
import { BENCH_WRITER, projectionStats } from './api-process';
import { measureImpacts, type BenchDefect, type ImpactSample } from './hub-impact';
import { paced } from './pacing';
import type { Progress } from './progress';
import { p50, p95 } from './stats';

const UPSERT_CHILD = `mutation Child($input: ModelInput!) {
  upsertModel(input: $input) { graphVersion userErrors { message } }
}`;
const LINK = `mutation Link($input: LinkInput!) {
  link(input: $input) { graphVersion userErrors { message } }
}`;
/**
 * The hub's written children: the generator makes no distillations, so the written ones are
 * the only Distillation nodes at distance 1, and the newest sorts first (ids count down). The
 * search stops at depth 1: an impact query like any other (the projection caught up to the
 * write, from memory), without a second whole-hub search per write that the measured
 * queries would then compete with.
 */
const WRITTEN_CHILDREN = `query Written($id: ID!) {
  impact(defectId: $id, first: 20, kinds: [Distillation], maxDepth: 1) {
    exposed { edges { node { node { id } } } }
  }
}`;

/**
 * Every id the writer makes starts so: `0` sorts the written children before the generated ones,
 * and a run can find what an earlier one left (killed before it removed its writes), which would
 * otherwise sort before its own children (older run ids come first) and hide them.
 */
export const WRITTEN_PREFIX = 'model:0bench-writes/';

/** Every ENDS_EVERY-th write ends an edge written earlier instead of adding a child. */
const ENDS_EVERY = 5;
/**
 * The writer runs this long before the measured queries, and a steady feed is measured, not a
 * cold start: a Neo4j JVM that has served only reads still compiles the write path's code
 * (Lucene's full-text updates, the record commands) for minutes. Its C2 compiler thread took
 * 48 ms of CPU per write 30-60 s into a feed of 10/s and 10 ms at 90-120 s (/proc per-thread
 * times, 1M store, 2026-12-04), against 8-12 ms for the Bolt worker doing the writes.
 */
const WARM_UP_MS = 120_000;
/**
 * Rounds of the hub queries with and without writes (20 queries each). The three of the other
 * measures gave 60 queries a side, and the p50s of two runs a few minutes apart moved by a
 * third; ten rounds take some 40 s more.
 */
const ROUNDS = 10;
/** Each round under writes starts this long after the writer: a steady feed, not its start. */
const SETTLE_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WritesResult {
  perSecond: number;
  /** Writes done while the hub queries ran, and the rate they came to. */
  writes: number;
  achievedPerSecond: number;
  ended: number;
  failed: number;
  /** The first round, before the writer ever ran: no delta applied yet. */
  beforeAnyWrite: { p50: number; p95: number; samples: number };
  /** The rounds without writes, each just before a round under writes. */
  free: { p50: number; p95: number; samples: number };
  underWrites: { p50: number; p95: number; samples: number };
  /** Impact queries the projection could not answer (Cypher instead), after the warm-up. */
  fallbacks: number;
  served: number;
  /** After each child written, the hub's next impact: did it hold the child? */
  seen: number;
  missed: number;
  /** What the writer added, for the bench to remove: the cached store stays as loaded. */
  writtenIds: string[];
}

/**
 * The hub queries with and without a writer adding lineage at `perSecond` through the API's
 * mutations: a Distillation under a random hub (then the hub's impact is asked whether it holds
 * it), and every fifth write the end of an edge written earlier (validTo today). After a first
 * round with no write at all and the writer's warm-up, the rounds alternate, one without writes,
 * then one under the writer, ROUNDS times: a machine whose speed drifts over the run (two cores
 * shared with Neo4j) weighs on both alike.
 */
export async function measureUnderWrites(
  url: string,
  defects: BenchDefect[],
  perSecond: number,
  progress: Progress,
): Promise<WritesResult> {
  progress.line('writes: the hub queries before any write, 1 round');
  const beforeAny = await measureImpacts(url, defects, 1);
  const run = Date.now().toString(36);
  const written: { child: string; hub: string }[] = [];
  const children = new Set<string>();
  const counts = { ended: 0, failed: 0, seen: 0, missed: 0 };
  const today = new Date().toISOString().slice(0, 10);
  const write = async (index: number) => {
    const options = { token: BENCH_WRITER.token };
    if (index % ENDS_EVERY === ENDS_EVERY - 1 && written.length) {
      const { child, hub } = written.shift()!;
      const input = { type: 'DISTILLED_FROM', from: child, to: hub, validTo: today };
      const answer = await postGraphQL(url, { query: LINK, variables: { input } }, options);
      if (answer.errors?.length || answer.data?.link.userErrors.length) counts.failed++;
      else counts.ended++;
      return;
    }
    const defect = defects[Math.floor(Math.random() * defects.length)]!;
    // Counting down, so the newest child sorts first among the hub's written children.
    const child = `${WRITTEN_PREFIX}r${run}-${String(1e9 - index).padStart(10, '0')}`;
    const node = { id: child, kind: 'Distillation', name: `Bench write ${index}`, access: 'OPEN' };
    const link = { type: 'DISTILLED_FROM', from: child, to: defect.hub.id };
    const upsert = await postGraphQL(
      url,
      { query: UPSERT_CHILD, variables: { input: node } },
      options,
    );
    if (upsert.data?.upsertModel.userErrors.length !== 0) return void counts.failed++;
    children.add(child);
    const linked = await postGraphQL(url, { query: LINK, variables: { input: link } }, options);
    if (linked.data?.link.userErrors.length !== 0) return void counts.failed++;
    written.push({ child, hub: defect.hub.id });
    const seen = await postGraphQL(url, { query: WRITTEN_CHILDREN, variables: { id: defect.id } });
    const edges: { node: { node: { id: string } } }[] = seen.data?.impact.exposed.edges ?? [];
    if (edges.some((edge) => edge.node.node.id === child)) counts.seen++;
    else counts.missed++;
  };
  // A write that throws (the API gone) counts as failed; the writer goes on.
  let next = 0;
  const writeOrCount = () => write(next++).catch(() => void counts.failed++);
  const writer = { writes: 0, seconds: 0 };
  /** `during` with the writer running; it stops, its writes finished, when `during` ends. */
  const underWriter = async <T>(during: () => Promise<T>): Promise<T> => {
    let stopping = false;
    const writes = paced(perSecond, writeOrCount, () => stopping);
    try {
      return await during();
    } finally {
      stopping = true;
      const { count, seconds } = await writes;
      writer.writes += count;
      writer.seconds += seconds;
    }
  };
  progress.line(`writes: a writer at ${perSecond}/s, ${WARM_UP_MS / 1000} s of warm-up`);
  await underWriter(() => sleep(WARM_UP_MS));
  const before = await projectionStats(url);
  const free: ImpactSample[] = [];
  const underWrites: ImpactSample[] = [];
  progress.line(`writes: ${ROUNDS} rounds without writes, each followed by one under writes`);
  for (let round = 0; round < ROUNDS; round++) {
    free.push(...(await measureImpacts(url, defects, 1)));
    const measured = await underWriter(async () => {
      await sleep(SETTLE_MS);
      return measureImpacts(url, defects, 1);
    });
    underWrites.push(...measured);
  }
  const after = await projectionStats(url);
  progress.line(
    `writes: ${writer.writes} writes in ${writer.seconds.toFixed(1)} s, ${counts.failed} failed; written child seen ${counts.seen}, missed ${counts.missed}`,
  );
  const spread = (samples: ImpactSample[]) => ({
    p50: p50(samples.map((s) => s.ms)),
    p95: p95(samples.map((s) => s.ms)),
    samples: samples.length,
  });
  return {
    perSecond,
    writes: writer.writes,
    achievedPerSecond: writer.writes / writer.seconds,
    ended: counts.ended,
    failed: counts.failed,
    beforeAnyWrite: spread(beforeAny),
    free: spread(free),
    underWrites: spread(underWrites),
    fallbacks: (after?.fallbacks ?? 0) - (before?.fallbacks ?? 0),
    served: (after?.served ?? 0) - (before?.served ?? 0),
    seen: counts.seen,
    missed: counts.missed,
    writtenIds: [...children],
  };
}
