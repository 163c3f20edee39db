import { describe, expect, it } from 'vitest';
import { collapseFanOuts, GROUP_PAGE, openedGroups, showMore } from './collapse';
import { diffElements, findNodes } from './explorer-view';
import { gridPositions } from './grid-layout';
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
      open: new Map(),
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
    expect(result.groups.get('group:base|QUANTIZED_FROM|Quantization')?.total).toBe(30);
  });

  it('leaves a group open when asked, or when it holds a node that must stay visible', () => {
    const open = collapseFanOuts(nodes, edges, {
      threshold: 12,
      open: openedGroups(['group:base|QUANTIZED_FROM|Quantization@30']),
      keep: new Set(),
    });
    expect(open.nodes).toHaveLength(32);
    const kept = collapseFanOuts(nodes, edges, {
      threshold: 12,
      open: new Map(),
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
      open: new Map(),
      keep: new Set(),
    });
    expect(result.groups.get('group:base|QUANTIZED_FROM|Quantization')?.total).toBe(28);
    expect(result.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['q00', 'q01']));
  });
});

describe('paged groups', () => {
  const members = Array.from({ length: 75 }, (_, i) => node(`m${String(i).padStart(2, '0')}`));
  const nodes = [node('hub', 'BaseModel'), ...members];
  const edges = members.map((m) => edge(m.id, 'FINE_TUNED_FROM', 'hub'));
  const id = 'group:hub|FINE_TUNED_FROM|FineTune';

  it('opens a big group one page at a time, the rest folded under the same id', () => {
    const first = collapseFanOuts(nodes, edges, {
      threshold: 12,
      open: openedGroups([id]),
      keep: new Set(),
    });
    expect(first.nodes).toHaveLength(1 + GROUP_PAGE + 1);
    expect(first.nodes.find((n) => n.id === id)?.name).toBe(`${75 - GROUP_PAGE} more fine-tunes`);
    // Members come in name order, so the next page continues where this one stopped.
    expect(first.nodes.slice(1, 3).map((n) => n.id)).toEqual(['m00', 'm01']);
    const open = showMore(showMore([id], id), id);
    expect(open).toEqual([`${id}@${3 * GROUP_PAGE}`]);
    const all = collapseFanOuts(nodes, edges, {
      threshold: 12,
      open: openedGroups(open),
      keep: new Set(),
    });
    expect(all.nodes).toHaveLength(76);
    expect(all.groups.size).toBe(0);
  });

  it('reads a malformed or small page count as one page', () => {
    expect(openedGroups([`${id}@3`, 'group:x@abc'])).toEqual(
      new Map([
        [id, GROUP_PAGE],
        ['group:x@abc', GROUP_PAGE],
      ]),
    );
  });
});

describe('gridPositions', () => {
  const options = { columns: 4, cellWidth: 150, rowHeight: 64, blockGap: 56 };
  const layoutNode = (id: string) => ({ id, label: id, kind: 'FineTune' });

  it("wraps a hub's children into rows under the focus, parents above, no two in one cell", () => {
    const children = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const nodes = ['parent', 'hub', ...children, 'grandchild'].map(layoutNode);
    const edges = [
      { source: 'parent', target: 'hub' },
      ...children.map((c) => ({ source: 'hub', target: c })),
      { source: 'c3', target: 'grandchild' },
    ];
    const positions = gridPositions(nodes, edges, 'hub', options);
    expect(positions.get('hub')).toEqual({ x: 0, y: 0 });
    expect(positions.get('parent')!.y).toBeLessThan(0);
    // Ten children in rows of four: three rows, centred, each a row height apart.
    const rows = new Set(children.map((c) => positions.get(c)!.y));
    expect([...rows]).toEqual([120, 184, 248]);
    expect(children.map((c) => positions.get(c)!.x).slice(0, 4)).toEqual([-225, -75, 75, 225]);
    expect(positions.get('grandchild')!.y).toBeGreaterThan(248);
    const cells = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
    expect(cells.size).toBe(nodes.length);
  });

  it('gives the focus a row of its own and places unreached nodes in a last block', () => {
    const nodes = ['p', 'hub', 'sibling', 'stray'].map(layoutNode);
    const edges = [
      { source: 'p', target: 'hub' },
      { source: 'p', target: 'sibling' },
    ];
    const positions = gridPositions(nodes, edges, 'hub', options);
    expect(positions.get('hub')).toEqual({ x: 0, y: 0 });
    expect(positions.get('sibling')).toEqual({ x: 0, y: 64 });
    expect(positions.get('stray')!.y).toBeGreaterThan(64);
  });
});

describe('incremental updates and find-in-graph', () => {
  it('adds only new elements, removes only gone ones, keeps the rest', () => {
    const wanted = toCyElements(
      [node('base', 'BaseModel'), node('chat'), node('new')],
      [edge('chat', 'FINE_TUNED_FROM', 'base'), edge('new', 'FINE_TUNED_FROM', 'base')],
    );
    const drawn = new Set(['base', 'chat', 'gone', 'chat|FINE_TUNED_FROM|base']);
    const diff = diffElements(drawn, wanted);
    expect(diff.add.map((e) => e.data.id)).toEqual(['new', 'new|FINE_TUNED_FROM|base']);
    expect(diff.remove).toEqual(['gone']);
    expect(diff.keep.map((e) => e.data.id)).toEqual(['base', 'chat', 'chat|FINE_TUNED_FROM|base']);
  });

  it('finds nodes by name or id, ignoring case and spaces, from two characters on', () => {
    const nodes = [
      { id: 'model:meta-llama/Llama-3.1-8B', label: 'Llama 3.1 8B' },
      { id: 'model:x/storm', label: 'Storm 8B' },
    ];
    expect(findNodes(nodes, 'llama3.1')).toEqual(['model:meta-llama/Llama-3.1-8B']);
    expect(findNodes(nodes, 'x/STORM')).toEqual(['model:x/storm']);
    expect(findNodes(nodes, '8b')).toHaveLength(2);
    expect(findNodes(nodes, 'l')).toEqual([]);
  });
});
