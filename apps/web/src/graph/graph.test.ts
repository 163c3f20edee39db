import { describe, expect, it } from 'vitest';
import { collapseFanOuts } from './collapse';
import { mergeViews, toCyElements } from './to-cy-elements';

const node = (id: string, kind = 'FineTune') => ({ id, name: id.toUpperCase(), kind });
const edge = (from: string, type: string, to: string, declared = true) => ({
  from,
  type,
  to,
  declared,
});

describe('toCyElements', () => {
  it('draws lineage parent -> child, marks the focus and inferred edges, drops dangling edges', () => {
    const elements = toCyElements(
      [node('base', 'BaseModel'), node('tuned')],
      [edge('tuned', 'FINE_TUNED_FROM', 'base', false), edge('tuned', 'MERGED_FROM', 'elsewhere')],
      { focus: 'base' },
    );
    expect(elements).toEqual([
      {
        group: 'nodes',
        data: { id: 'base', label: 'BASE', kind: 'BaseModel' },
        classes: 'BaseModel focus',
      },
      {
        group: 'nodes',
        data: { id: 'tuned', label: 'TUNED', kind: 'FineTune' },
        classes: 'FineTune',
      },
      {
        group: 'edges',
        data: {
          id: 'tuned|FINE_TUNED_FROM|base',
          source: 'base',
          target: 'tuned',
          relation: 'FINE_TUNED_FROM',
        },
        classes: 'FINE_TUNED_FROM inferred',
      },
    ]);
  });

  it('merges an expansion without duplicating nodes or edges', () => {
    const a = { nodes: [node('a'), node('b')], edges: [edge('b', 'FINE_TUNED_FROM', 'a')] };
    const b = {
      nodes: [node('b'), node('c')],
      edges: [edge('b', 'FINE_TUNED_FROM', 'a'), edge('c', 'DEPLOYS', 'b')],
    };
    const merged = mergeViews(a, b);
    expect(merged.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(merged.edges).toHaveLength(2);
  });
});

describe('collapseFanOuts', () => {
  const leaves = Array.from({ length: 30 }, (_, i) =>
    node(`q${String(i).padStart(2, '0')}`, 'Quantization'),
  );
  const nodes = [node('base', 'BaseModel'), node('chat'), ...leaves];
  const edges = [
    edge('chat', 'FINE_TUNED_FROM', 'base'),
    ...leaves.map((l) => edge(l.id, 'QUANTIZED_FROM', 'base')),
  ];

  it('folds many leaf quantizations of one parent into a group node', () => {
    const result = collapseFanOuts(nodes, edges, {
      threshold: 12,
      open: new Set(),
      keep: new Set(),
    });
    expect(result.nodes.map((n) => n.id)).toEqual([
      'base',
      'chat',
      'group:base|QUANTIZED_FROM|Quantization',
    ]);
    expect(result.nodes[2]).toMatchObject({ name: '30 quantizations', kind: 'Group' });
    expect(result.edges).toContainEqual(
      edge('group:base|QUANTIZED_FROM|Quantization', 'QUANTIZED_FROM', 'base'),
    );
    expect(result.groups.get('group:base|QUANTIZED_FROM|Quantization')).toHaveLength(30);
  });

  it('leaves a group open when asked, or when it holds a node that must stay visible', () => {
    const open = collapseFanOuts(nodes, edges, {
      threshold: 12,
      open: new Set(['group:base|QUANTIZED_FROM|Quantization']),
      keep: new Set(),
    });
    expect(open.nodes).toHaveLength(32);
    const kept = collapseFanOuts(nodes, edges, {
      threshold: 12,
      open: new Set(),
      keep: new Set(['q07']),
    });
    expect(kept.groups.size).toBe(0);
  });

  it('never folds a child that has children of its own or other parents', () => {
    const withGrandchild = [
      ...edges,
      edge('app', 'DEPLOYS', 'q00'),
      edge('q01', 'QUANTIZED_FROM', 'chat'),
    ];
    const result = collapseFanOuts([...nodes, node('app', 'Deployment')], withGrandchild, {
      threshold: 12,
      open: new Set(),
      keep: new Set(),
    });
    expect(result.groups.get('group:base|QUANTIZED_FROM|Quantization')).toHaveLength(28);
    expect(result.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['q00', 'q01']));
  });
});
