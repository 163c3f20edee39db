import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realData } from '../testing/real-data';
import { generateSynthetic } from './synthetic';

const HF_EDGES = realData('hf-model-tree/edges.csv', 'the generator fit test');

interface Edge {
  child: string;
  parent: string;
  relation: 'finetune' | 'quantized' | 'merged' | 'adapter';
}

/** The statistics DESIGN.md asks the generator to match, computed the same way for both graphs. */
function shape(edges: Edge[]) {
  const parents = new Map<string, Set<string>>();
  const children = new Map<string, Set<string>>();
  const relations = new Map<string, Set<Edge['relation']>>();
  const nodes = new Set<string>();
  for (const { child, parent, relation } of edges) {
    nodes.add(child).add(parent);
    (parents.get(child) ?? parents.set(child, new Set()).get(child)!).add(parent);
    (children.get(parent) ?? children.set(parent, new Set()).get(parent)!).add(child);
    (relations.get(child) ?? relations.set(child, new Set()).get(child)!).add(relation);
  }
  const total = nodes.size;
  const share = (count: number) => count / total;
  const kindOf = (id: string) => {
    const r = relations.get(id);
    if (!r) return 'base';
    if (r.has('merged')) return 'merge';
    if (r.has('quantized')) return 'quantization';
    if (r.has('adapter')) return 'adapter';
    return 'fineTune';
  };
  const kinds: Record<string, number> = {};
  for (const id of nodes) kinds[kindOf(id)] = (kinds[kindOf(id)] ?? 0) + 1;

  // Depth: the longest chain of parents, by Kahn's order from the roots.
  const depth = new Map<string, number>();
  const waiting = new Map([...nodes].map((id) => [id, parents.get(id)?.size ?? 0]));
  const queue = [...nodes].filter((id) => waiting.get(id) === 0);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const child of children.get(id) ?? []) {
      depth.set(child, Math.max(depth.get(child) ?? 0, depth.get(id)! + 1));
      waiting.set(child, waiting.get(child)! - 1);
      if (waiting.get(child) === 0) queue.push(child);
    }
  }
  const depths = [0, 0, 0, 0, 0];
  for (const d of depth.values()) depths[Math.min(d, 4)]!++;

  const fanOut = [...nodes].map((id) => children.get(id)?.size ?? 0).sort((a, b) => b - a);
  const quantizations = [...nodes].filter((id) => kindOf(id) === 'quantization');
  const merges = [...nodes].filter((id) => kindOf(id) === 'merge');
  const top = fanOut.slice(0, Math.ceil(total / 100)).reduce((sum, n) => sum + n, 0);
  return {
    kinds: Object.fromEntries(Object.entries(kinds).map(([k, n]) => [k, share(n)])),
    depths: depths.map(share),
    leaves: share(fanOut.filter((n) => n === 0).length),
    oneChild: share(fanOut.filter((n) => n === 1).length),
    twoChildren: share(fanOut.filter((n) => n === 2).length),
    /** Power-law fan-out: the share of all derivations made from the top 1% of models. */
    topPercentHolds: top / fanOut.reduce((sum, n) => sum + n, 0),
    quantizedLeaves:
      quantizations.filter((id) => !children.get(id)?.size).length / quantizations.length,
    threeParentMerges:
      merges.filter((id) => parents.get(id)!.size === 3).length /
      merges.filter((id) => [2, 3].includes(parents.get(id)!.size)).length,
  };
}

function hubTree(csv: string): Edge[] {
  return readFileSync(csv, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.trim()))
    .filter(([parent, child]) => parent !== child)
    .map(([parent, child, relation]) => ({ parent, child, relation }) as Edge);
}

const RELATIONS: Record<string, Edge['relation']> = {
  FINE_TUNED_FROM: 'finetune',
  QUANTIZED_FROM: 'quantized',
  MERGED_FROM: 'merged',
  ADAPTER_OF: 'adapter',
};

function generatedTree(lineageNodes: number, seed: number): Edge[] {
  const edges: Edge[] = [];
  for (const item of generateSynthetic(lineageNodes, seed)) {
    if ('relationship' in item && RELATIONS[item.relationship.type])
      edges.push({
        child: item.relationship.from,
        parent: item.relationship.to,
        relation: RELATIONS[item.relationship.type]!,
      });
  }
  return edges;
}

describe.skipIf(!HF_EDGES)('the synthetic generator fits the Hugging Face model tree', () => {
  // Measured at the hub snapshot's own size (29,943 models), from the raw edges each time.
  const hub = HF_EDGES ? shape(hubTree(HF_EDGES)) : shape([]);
  const generated = shape(generatedTree(30_600, 11));

  it('derives models in the same proportions (base, fine-tune, quantization, merge, adapter)', () => {
    for (const kind of ['base', 'fineTune', 'quantization', 'merge', 'adapter'])
      expect(Math.abs(generated.kinds[kind]! - hub.kinds[kind]!)).toBeLessThan(0.015);
  });

  it('has the same depth distribution', () => {
    generated.depths.forEach((share, depth) =>
      expect(Math.abs(share - hub.depths[depth]!)).toBeLessThan(0.02),
    );
  });

  it('has the same fan-out: as many leaves and small families, and a heavy tail of hubs', () => {
    expect(Math.abs(generated.leaves - hub.leaves)).toBeLessThan(0.02);
    expect(Math.abs(generated.oneChild - hub.oneChild)).toBeLessThan(0.02);
    expect(Math.abs(generated.twoChildren - hub.twoChildren)).toBeLessThan(0.02);
    expect(generated.topPercentHolds).toBeGreaterThan(hub.topPercentHolds * 0.75);
    expect(generated.topPercentHolds).toBeLessThan(hub.topPercentHolds * 1.5);
  });

  it('keeps quantizations as leaves nearly always, and merges three parents as often', () => {
    expect(Math.abs(generated.quantizedLeaves - hub.quantizedLeaves)).toBeLessThan(0.02);
    expect(Math.abs(generated.threeParentMerges - hub.threeParentMerges)).toBeLessThan(0.05);
  });
});
