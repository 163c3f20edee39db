/**
 * Search latency on a loaded graph: runs each query of a fixed list through GraphStore.search
 * (the API's path, first page of 20) and prints the median and p90 per query and overall.
 * Run with `npx tsx apps/api/bench/search-latency.bench.ts bolt://...`.
 */
import { GraphStore } from '@lineage/graph-store';

const QUERIES = [
  'llama',
  'lama',
  'Llama 3.1',
  'llama3.1',
  'GPT-4o',
  'GPT4o',
  'gpt 4o mini',
  'mistral',
  'mistrl',
  'deepseek r1',
  'DeepSeek-R1',
  'FMD-2026-0008',
  'defect:FMD-2026-0012',
  'AVID-2026-R0401',
  'meta-llama/Llama-3.1-8B',
  'model:openai/gpt-4o',
  'qwen2.5',
  'jailbreak',
  'perplexity',
  'chatgpt',
];
const ROUNDS = 5;

const uri = process.argv[2];
if (!uri) throw new Error('usage: search-latency.bench.ts <bolt URI of a loaded Neo4j>');
const store = await GraphStore.connect({ uri });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const all: number[] = [];
for (const text of QUERIES) await store.search(text, { first: 20, offset: 0 }); // warm-up
for (const text of QUERIES) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const page = await store.search(text, { first: 20, offset: 0 });
    times.push(performance.now() - start);
    if (round === 0)
      process.stdout.write(
        `${text.padEnd(26)} ${String(page.totalCount).padStart(6)} hits, top: ${page.items[0]?.entity.id ?? '-'}\n`,
      );
  }
  all.push(...times);
  process.stdout.write(`${''.padEnd(26)} p50 ${median(times).toFixed(1)} ms\n`);
}
const sorted = [...all].sort((a, b) => a - b);
process.stdout.write(
  `overall p50 ${median(all).toFixed(1)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(1)} ms over ${all.length} runs\n`,
);
await store.close();
