import { applyLineageDeltas, buildLineageGraph, type LineageDelta } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import {
  LINEAGE_DELTA_CAP,
  lineageDeltaProps,
  parseLineageDelta,
  type LineageChange,
} from './lineage-delta-record';
import { edgeToUnknownNode, scanAfterDeltas } from './lineage-deltas';
import type { PlainProps } from './values';
import { lineageChangeOfWrite } from './write-lineage-delta';

const change: LineageChange = {
  nodes: [{ id: 'model:a', kind: 'BaseModel', releasedAt: '2024-01-01', retiredAt: null }],
  edges: [
    {
      from: 'model:b',
      to: 'model:a',
      type: 'FINE_TUNED_FROM',
      declared: false,
      validFrom: null,
      validTo: '2026-01-01',
    },
  ],
  removedNodes: ['model:c'],
  removedEdges: [{ from: 'model:d', type: 'QUANTIZED_FROM', to: 'model:a' }],
};

describe('the lineage delta a Change records', () => {
  it('reads back as the delta written, at the Change version', () => {
    const { lineageDelta, lineageDeltaItems } = lineageDeltaProps(change);
    expect(lineageDeltaItems).toBe(4);
    expect(parseLineageDelta(lineageDelta!, 7)).toEqual({ ...change, version: 7 });
  });

  it('is not kept above the cap, only counted', () => {
    const nodes = Array.from({ length: LINEAGE_DELTA_CAP + 1 }, (_, i) => ({
      id: `model:n${i}`,
      kind: 'FineTune' as const,
    }));
    const props = lineageDeltaProps({ ...change, nodes });
    expect(props).toEqual({ lineageDelta: null, lineageDeltaItems: LINEAGE_DELTA_CAP + 4 });
  });

  it('refuses text it did not write rather than guess', () => {
    expect(parseLineageDelta('{"v":2,"n":[],"e":[],"rn":[],"re":[]}', 1)).toBeUndefined();
    expect(
      parseLineageDelta('{"v":1,"n":[["model:x","Defect",null,null]],"e":[],"rn":[],"re":[]}', 1),
    ).toBeUndefined();
    expect(
      parseLineageDelta('{"v":1,"n":[],"e":[["a","AFFECTS","b",1,null,null]],"rn":[],"re":[]}', 1),
    ).toBeUndefined();
    expect(parseLineageDelta('not json', 1)).toBeUndefined();
  });
});

describe('the lineage a write changes', () => {
  it('lists created and changed lineage state, not other fields or other kinds', () => {
    const existingNodes = new Map<string, PlainProps>([
      ['model:a', { id: 'model:a', kind: 'BaseModel', license: 'mit' }],
      ['model:b', { id: 'model:b', kind: 'FineTune' }],
    ]);
    const existingRelationships = new Map<string, PlainProps>([
      ['model:b -[FINE_TUNED_FROM]-> model:a', { declared: true, origin: 'import' }],
    ]);
    const delta = lineageChangeOfWrite(
      [
        { id: 'model:a', props: { id: 'model:a', kind: 'BaseModel', license: 'apache-2.0' } },
        { id: 'model:b', props: { id: 'model:b', kind: 'FineTune', retiredAt: '2025-01-01' } },
        { id: 'defect:x', props: { id: 'defect:x', kind: 'Defect' } },
      ],
      existingNodes,
      [
        {
          type: 'FINE_TUNED_FROM',
          from: 'model:b',
          to: 'model:a',
          props: { declared: true, origin: 'curated' },
        },
        { type: 'AFFECTS', from: 'defect:x', to: 'model:a', props: {} },
        {
          type: 'QUANTIZED_FROM',
          from: 'model:q',
          to: 'model:b',
          props: { declared: true, validFrom: '2024-05-01' },
        },
      ],
      existingRelationships,
    );
    expect(delta).toEqual({
      nodes: [{ id: 'model:b', kind: 'FineTune', releasedAt: null, retiredAt: '2025-01-01' }],
      edges: [
        {
          from: 'model:q',
          to: 'model:b',
          type: 'QUANTIZED_FROM',
          declared: true,
          validFrom: '2024-05-01',
          validTo: null,
        },
      ],
      removedNodes: [],
      removedEdges: [],
    });
  });
});

const a = { id: 'model:a', kind: 'BaseModel' as const };
const b = { id: 'model:b', kind: 'FineTune' as const };
const ab = { from: 'model:b', to: 'model:a', type: 'FINE_TUNED_FROM' as const, declared: true };
const delta = (version: number, part: Partial<LineageDelta>): LineageDelta => ({
  version,
  nodes: [],
  edges: [],
  removedNodes: [],
  removedEdges: [],
  ...part,
});

describe('deltas over a projection', () => {
  it('names an edge to a node the projection would not hold', () => {
    const graph = buildLineageGraph([a], []);
    expect(edgeToUnknownNode(graph, [delta(2, { edges: [ab] })])).toEqual(ab);
    expect(edgeToUnknownNode(graph, [delta(2, { nodes: [b] }), delta(3, { edges: [ab] })])).toBe(
      undefined,
    );
    expect(
      edgeToUnknownNode(buildLineageGraph([a, b], []), [
        delta(2, { removedNodes: ['model:b'], edges: [ab] }),
      ]),
    ).toEqual(ab);
  });

  it('brings a scan that overlapped writes to the last version, as applying them would', () => {
    const c = { id: 'model:c', kind: 'Adapter' as const };
    const ca = { from: 'model:c', to: 'model:a', type: 'ADAPTER_OF' as const, declared: true };
    const deltas = [
      delta(5, { nodes: [c], edges: [ca] }),
      delta(6, { edges: [{ ...ab, validTo: '2026-01-01' }] }),
      delta(7, { removedNodes: ['model:c'], removedEdges: [ca] }),
      delta(8, { nodes: [{ ...c, releasedAt: '2025-01-01' }] }),
    ];
    const atFour = buildLineageGraph([a, b], [ab]);
    const expected = applyLineageDeltas(atFour, deltas);
    // The scan saw b's edge before the write at 6 and c with its edge before it was removed.
    const merged = scanAfterDeltas([a, b, c], [ab, ca], deltas);
    expect(buildLineageGraph(merged.nodes, merged.edges)).toEqual(expected);
    expect(expected.ids).toEqual(['model:a', 'model:b', 'model:c']);
    expect(expected.edgeChild.length).toBe(1);
  });
});
