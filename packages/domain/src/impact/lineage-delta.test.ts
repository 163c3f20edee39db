import { describe, expect, it } from 'vitest';
import { applyLineageDeltas, lineageEdgesOf, lineageNodesOf } from './lineage-delta';
import { buildLineageGraph } from './lineage-graph';

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
    expect(graph.ids).toEqual(['model:a', 'model:b', 'model:d']);
    expect(lineageEdgesOf(graph)).toEqual([
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
    expect(applyLineageDeltas(once, [delta])).toEqual(once);
    expect(once.edgeChild.length).toBe(1);
  });
});
