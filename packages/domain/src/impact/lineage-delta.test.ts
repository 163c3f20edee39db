import { describe, expect, it } from 'vitest';
import { applyLineageDeltas, lineageEdgesOf, lineageNodesOf } from './lineage-delta';
import {
  buildLineageGraph,
  childRow,
  graphIds,
  nodeCount,
  nodeIndex,
  type LineageGraph,
} from './lineage-graph';

const base = buildLineageGraph(
  [
    { id: 'model:a', kind: 'BaseModel', releasedAt: '2024-01-01' },
    { id: 'model:b', kind: 'FineTune' },
    { id: 'model:c', kind: 'Quantization', retiredAt: '2025-06-01' },
  ],
  [
    { from: 'model:b', to: 'model:a', type: 'FINE_TUNED_FROM', declared: true },
    { from: 'model:c', to: 'model:b', type: 'QUANTIZED_FROM', declared: false },
  ],
);

const sortedEdges = (graph: LineageGraph) =>
  lineageEdgesOf(graph).sort((a, b) => (`${a.from} ${a.type}` < `${b.from} ${b.type}` ? -1 : 1));

describe('applyLineageDeltas', () => {
  it('gives back the graph it was built from when nothing changed', () => {
    const again = buildLineageGraph(lineageNodesOf(base), lineageEdgesOf(base));
    expect(again).toEqual(base);
    expect(applyLineageDeltas(base, [])).toBe(base);
  });

  it('adds, ends and removes in order, and a removed node takes its edges', () => {
    const graph = applyLineageDeltas(base, [
      {
        version: 2,
        nodes: [{ id: 'model:d', kind: 'Adapter' }],
        edges: [
          { from: 'model:d', to: 'model:a', type: 'ADAPTER_OF', declared: true },
          {
            from: 'model:b',
            to: 'model:a',
            type: 'FINE_TUNED_FROM',
            declared: true,
            validTo: '2026-01-01',
          },
        ],
        removedNodes: [],
        removedEdges: [],
      },
      { version: 3, nodes: [], edges: [], removedNodes: ['model:c'], removedEdges: [] },
    ]);
    expect(lineageNodesOf(graph).map((node) => node.id)).toEqual(['model:a', 'model:b', 'model:d']);
    expect(sortedEdges(graph)).toEqual([
      expect.objectContaining({ from: 'model:b', to: 'model:a', validTo: '2026-01-01' }),
      expect.objectContaining({ from: 'model:d', to: 'model:a', type: 'ADAPTER_OF' }),
    ]);
  });

  it('is idempotent: a delta applied twice changes nothing more', () => {
    const delta = {
      version: 2,
      nodes: [],
      edges: [],
      removedNodes: [],
      removedEdges: [{ from: 'model:c', to: 'model:b', type: 'QUANTIZED_FROM' as const }],
    };
    const once = applyLineageDeltas(base, [delta]);
    const twice = applyLineageDeltas(once, [delta]);
    expect(lineageNodesOf(twice)).toEqual(lineageNodesOf(once));
    expect(lineageEdgesOf(twice)).toEqual(lineageEdgesOf(once));
    expect(lineageEdgesOf(once)).toHaveLength(1);
  });

  it('appends to the ids it shares with the graph before, and copies them when that end is taken', () => {
    const adding = (id: string) => [
      {
        version: 2,
        nodes: [{ id, kind: 'Adapter' as const }],
        edges: [],
        removedNodes: [],
        removedEdges: [],
      },
    ];
    const start = buildLineageGraph(lineageNodesOf(base), lineageEdgesOf(base));
    const first = applyLineageDeltas(start, adding('model:x'));
    // No copy of a million ids per write: the new graph pushed onto the same array.
    expect(first.ids).toBe(start.ids);
    expect(graphIds(start)).toEqual(['model:a', 'model:b', 'model:c']);
    expect(nodeCount(first)).toBe(4);
    // A second graph from `start` (a query still holding it): its node takes the same index.
    const fork = applyLineageDeltas(start, adding('model:y'));
    expect(fork.ids).not.toBe(start.ids);
    expect(graphIds(fork)).toEqual(['model:a', 'model:b', 'model:c', 'model:y']);
    expect(graphIds(first)).toEqual(['model:a', 'model:b', 'model:c', 'model:x']);
    expect(lineageNodesOf(start).map((node) => node.id)).toEqual(['model:a', 'model:b', 'model:c']);
    expect(nodeIndex(first, 'model:y')).toBe(-1);
    expect(nodeIndex(fork, 'model:x')).toBe(-1);
  });

  it("appends a parent's new children in place, and copies the row when a fork took that end", () => {
    const childOf = (id: string, version: number) => [
      {
        version,
        nodes: [{ id, kind: 'FineTune' as const }],
        edges: [{ from: id, to: 'model:a', type: 'FINE_TUNED_FROM' as const, declared: true }],
        removedNodes: [],
        removedEdges: [],
      },
    ];
    const childrenOfA = (graph: LineageGraph) =>
      [...childRow(graph, nodeIndex(graph, 'model:a')).child].map((child) => graph.ids[child]);
    const start = applyLineageDeltas(base, childOf('model:x', 2));
    const next = applyLineageDeltas(start, childOf('model:y', 3));
    // A's row grew in place: the same buffer, a longer view.
    const rowOf = (graph: LineageGraph) => childRow(graph, nodeIndex(graph, 'model:a')).child;
    expect(rowOf(next).buffer).toBe(rowOf(start).buffer);
    const fork = applyLineageDeltas(start, childOf('model:z', 3));
    expect(rowOf(fork).buffer).not.toBe(rowOf(start).buffer);
    expect(childrenOfA(start)).toEqual(['model:b', 'model:x']);
    expect(childrenOfA(next)).toEqual(['model:b', 'model:x', 'model:y']);
    expect(childrenOfA(fork)).toEqual(['model:b', 'model:x', 'model:z']);
  });
});
