/**
 * Explorer benchmark (not a test): a synthetic lineage tree opened in the explorer, in
 * Chromium, against the real API and Neo4j. Reports the time to first render, the layout
 * time and the frame time while panning for a ~2,200-element view, beside a ~170-element
 * view measured in the same run. Where the real sources are present (see e2e/e2e-graph.ts),
 * it also measures, on the seed plus the real sources, the defect page of a ~3,000-node impact
 * and the explorer on a hub (bench/real-views.ts). LINEAGE_E2E_NEO4J_URI reuses a Neo4j
 * already loaded that way (read only), instead of minutes of imports.
 * Run with `npm run bench:explorer`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { entityInputSchema, relationshipInputSchema, type GraphBatch } from '@lineage/domain';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/chromium';
import { loadE2eGraph, realSources, REAL_GRAPH_MEMORY } from '../e2e/e2e-graph';
import { e2eEnv } from '../e2e/env';
import { repo, startStack } from '../e2e/stack';
import {
  HUB,
  IMPACT_DEFECT,
  measureHub,
  measureImpact,
  PAN_FOR_TWO_SECONDS,
  type ViewSample,
} from './real-views';

const RUNS = 3;
const KINDS = ['FineTune', 'Quantization', 'Adapter', 'Merge', 'Distillation'] as const;
const RELATION = {
  FineTune: 'FINE_TUNED_FROM',
  Quantization: 'QUANTIZED_FROM',
  Adapter: 'ADAPTER_OF',
  Merge: 'MERGED_FROM',
  Distillation: 'DISTILLED_FROM',
} as const;

/** A tree of `branching` children per node, `depth` levels below one base model. */
function tree(name: string, branching: number, depth: number): GraphBatch {
  const root = `model:bench-${name}/base`;
  const nodes = [entityInputSchema.parse({ id: root, kind: 'BaseModel', name: `${name} base` })];
  const relationships = [];
  let level = [root];
  for (let d = 1; d <= depth; d++) {
    const next: string[] = [];
    for (const parent of level) {
      for (let i = 0; i < branching; i++) {
        const kind = KINDS[(i + d) % KINDS.length]!;
        const id = `model:bench-${name}/n${d}-${next.length}`;
        nodes.push(entityInputSchema.parse({ id, kind, name: `${kind} ${d}.${next.length}` }));
        relationships.push(
          relationshipInputSchema.parse({ type: RELATION[kind], from: id, to: parent }),
        );
        next.push(id);
      }
    }
    level = next;
  }
  return { nodes, relationships };
}

interface Sample {
  elements: number;
  firstRenderMs: number;
  layoutMs: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  /** Cytoscape's own average time to draw a frame: the cost vsync hides in frame times. */
  drawMs: number;
}

async function measure(page: Page, url: string): Promise<Sample> {
  await page.goto(url);
  type Timings = { __lineageGraph?: Record<string, number>[] };
  await page.waitForFunction(
    () => ((window as unknown as Timings).__lineageGraph?.length ?? 0) > 0,
    undefined,
    {
      timeout: 120_000,
    },
  );
  const timing = await page.evaluate(() => (window as unknown as Timings).__lineageGraph![0]!);
  // Pan for two seconds, one step per frame, and time the frames. A string, because tsx adds
  // helpers to named functions that would not exist inside the page.
  const { frames, drawMs } = (await page.evaluate(PAN_FOR_TWO_SECONDS)) as {
    frames: number[];
    drawMs: number;
  };
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    elements: timing.elements!,
    firstRenderMs: timing.paintedAt!,
    layoutMs: timing.layoutMs!,
    frameP50: at(0.5),
    frameP95: at(0.95),
    frameMax: sorted.at(-1)!,
    drawMs,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const graphs = { baseline: tree('small', 4, 3), measured: tree('large', 10, 3) };
  log('starting Neo4j, the API and the web app with two synthetic trees...');
  const stack = await startStack({
    load: async (store) => {
      for (const batch of Object.values(graphs))
        await store.write(batch, { by: 'bench', action: 'bench', summary: 'explorer benchmark' });
    },
    log,
  });
  const browser = await launchBrowser();
  const results: Record<string, Sample> = {};
  try {
    for (const [label, batch] of Object.entries(graphs)) {
      const url = `${stack.webUrl}/explore?${new URLSearchParams({ focus: batch.nodes[0]!.id, direction: 'DOWNSTREAM', depth: '3', max: '2000' })}`;
      const samples: Sample[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
        const sample = await measure(await context.newPage(), url);
        await context.close();
        samples.push(sample);
        log(
          `${label} run ${run}/${RUNS}: ${sample.elements} elements, first render ${Math.round(sample.firstRenderMs)} ms, layout ${Math.round(sample.layoutMs)} ms, frame p50 ${sample.frameP50.toFixed(1)} ms`,
        );
      }
      results[label] = Object.fromEntries(
        (Object.keys(samples[0]!) as (keyof Sample)[]).map((key) => [
          key,
          median(samples.map((s) => s[key])),
        ]),
      ) as unknown as Sample;
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  const real = (await realSources()) ? await measureRealViews(log) : undefined;
  const report = render(results.baseline!, results.measured!) + renderReal(real);
  process.stdout.write(report);
  const dir = path.join(repo, 'bench/results');
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `explorer-${stamp}.md`);
  await writeFile(file, report);
  await writeFile(
    path.join(dir, `explorer-${stamp}.json`),
    `${JSON.stringify({ synthetic: results, real: real ?? null }, null, 2)}\n`,
  );
  log(`report written to ${path.relative(repo, file)} (and .json)`);
}

type RealViews = { impact?: ViewSample; hub?: ViewSample };

/** The defect page and the hub explorer on the real graph, median of RUNS runs each. */
async function measureRealViews(log: (line: string) => void): Promise<RealViews> {
  const reuse = e2eEnv.LINEAGE_E2E_NEO4J_URI;
  log(reuse ? `real views on ${reuse}` : 'loading the seed and the real sources (minutes)...');
  const stack = await startStack({
    ...(reuse
      ? { neo4jUri: reuse }
      : {
          load: async (store) => void (await loadE2eGraph(store, log)),
          neo4jMemory: REAL_GRAPH_MEMORY,
        }),
    log,
  });
  const browser = await launchBrowser();
  try {
    const views: Partial<RealViews> = {};
    for (const [label, measureView] of [
      ['impact', measureImpact],
      ['hub', measureHub],
    ] as const) {
      const samples: ViewSample[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const sample = await measureView(browser, stack.webUrl).catch((error: Error) => {
          log(`${label} run ${run}/${RUNS} failed: ${error.message.split('\n')[0]}`);
          return undefined;
        });
        if (!sample) continue;
        samples.push(sample);
        log(
          `${label} run ${run}/${RUNS}: ${sample.elements} elements, first render ${Math.round(sample.firstRenderMs)} ms, interaction ${sample.interactionMs.toFixed(1)} ms, frame p50 ${sample.frameP50.toFixed(1)} ms`,
        );
      }
      if (!samples.length) continue;
      views[label] = Object.fromEntries(
        (Object.keys(samples[0]!) as (keyof ViewSample)[]).map((key) => [
          key,
          median(samples.map((s) => s[key])),
        ]),
      ) as unknown as ViewSample;
    }
    return views as RealViews;
  } finally {
    await browser.close();
    await stack.stop();
  }
}

function renderReal(real: RealViews | undefined): string {
  if (!real)
    return 'The real sources are absent here: the defect page and hub explorer rows were not measured.\n';
  const none = { elements: NaN, firstRenderMs: NaN, interactionMs: NaN } as ViewSample;
  // A view that failed every run (see the log) shows NaN rather than hiding the other.
  const impact = real.impact ?? { ...none, frameP50: NaN, frameP95: NaN, drawMs: NaN };
  const hub = real.hub ?? { ...none, frameP50: NaN, frameP95: NaN, drawMs: NaN };
  const row = (name: string, key: keyof ViewSample, unit = 'ms') =>
    `| ${name} | ${impact[key].toFixed(1)} ${unit} | ${hub[key].toFixed(1)} ${unit} |`;
  return [
    `## The real graph (seed + four real sources), same run`,
    '',
    `| metric | impact of ${IMPACT_DEFECT} (defect page) | explorer on ${HUB} |`,
    '|---|---|---|',
    `| elements in the canvas | ${impact.elements} | ${hub.elements} |`,
    row('time to first render (from navigation)', 'firstRenderMs'),
    `| interaction latency, median (event to painted frame) | ${impact.interactionMs.toFixed(1)} ms (hover a table row, canvas highlight) | ${hub.interactionMs.toFixed(1)} ms (tap a node, selected) |`,
    row('frame time while panning, p50', 'frameP50'),
    row('frame time while panning, p95', 'frameP95'),
    row('drawing one frame while panning (cytoscape)', 'drawMs'),
    '',
  ].join('\n');
}

function render(baseline: Sample, measured: Sample): string {
  const row = (name: string, key: keyof Sample, unit: string) =>
    `| ${name} | ${baseline[key].toFixed(1)} ${unit} | ${measured[key].toFixed(1)} ${unit} | ${(measured[key] / baseline[key]).toFixed(2)}x |`;
  return [
    `# Explorer benchmark, ${new Date().toISOString()}`,
    '',
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; headless Chromium with software rendering (--disable-gpu), viewport 1920x1080. Median of ${RUNS} runs each.`,
    '',
    '| metric | baseline view | measured view | ratio |',
    '|---|---|---|---|',
    `| elements (nodes + edges) | ${baseline.elements} | ${measured.elements} | ${(measured.elements / baseline.elements).toFixed(1)}x |`,
    row('time to first render (from navigation)', 'firstRenderMs', 'ms'),
    row('layout (grid placement, with the element diff)', 'layoutMs', 'ms'),
    row('frame time while panning, p50', 'frameP50', 'ms'),
    row('frame time while panning, p95', 'frameP95', 'ms'),
    row('frame time while panning, max', 'frameMax', 'ms'),
    row('drawing one frame while panning (cytoscape)', 'drawMs', 'ms'),
    '',
    'Frame times are capped by the 60 Hz refresh (16.7 ms): a frame time at that cap means panning',
    'never dropped a frame; the draw time is what each frame cost the renderer.',
    '',
    '',
  ].join('\n');
}

await main();
