import { describe, expect, it } from 'vitest';
import { impactGraph, pathElementIds, type Hop, type ImpactRow } from './impact-elements';

const hop = (
  to: string,
  relation: string,
  level: string,
  distance: number,
  declared = true,
): Hop => ({
  to,
  relation,
  declared,
  transmits: level,
  level,
  distance,
});

const row = (
  id: string,
  path: string[],
  level: string,
  extra: Partial<ImpactRow> = {},
): ImpactRow => ({
  id,
  name: id.toUpperCase(),
  kind: 'FineTune',
  level,
  distance: path.length - 1,
  path,
  mitigated: false,
  ...extra,
});

// o -> a -> d (a deployment), plus o -> b, o -> c, a -> e as context; a mitigated m.
const deployment = {
  id: 'd',
  path: [
    { id: 'o', name: 'O', kind: 'BaseModel' },
    { id: 'a', name: 'A', kind: 'FineTune' },
    { id: 'd', name: 'D', kind: 'Deployment' },
  ],
  hops: [hop('a', 'FINE_TUNED_FROM', 'LIKELY', 1, false), hop('d', 'DEPLOYS', 'LIKELY', 2)],
};
const rows = [
  row('o', ['o'], 'CONFIRMED', { kind: 'BaseModel' }),
  row('b', ['o', 'b'], 'CERTAIN'),
  row('c', ['o', 'c'], 'CERTAIN'),
  row('e', ['o', 'a', 'e'], 'LIKELY'),
  row('m', ['o', 'm'], 'LIKELY', { mitigated: true }),
];
const byDistance = [
  { key: '0', count: 1 },
  { key: '1', count: 1_203 },
  { key: '2', count: 2 },
];
const ids = (elements: ReturnType<typeof impactGraph>, group: 'nodes' | 'edges') =>
  elements.filter((e) => e.group === group).map((e) => e.data.id);

describe('impactGraph', () => {
  it('always holds every deployment and its whole path, whatever the budget', () => {
    const elements = impactGraph({ rows, deployments: [deployment], byDistance }, 0);
    expect(ids(elements, 'nodes')).toEqual(expect.arrayContaining(['o', 'a', 'd']));
    expect(ids(elements, 'edges')).toEqual(expect.arrayContaining(['o->a', 'a->d']));
    expect(ids(elements, 'nodes')).not.toContain('b');
  });

  it('marks each path edge with its relation, an inferred one as inferred', () => {
    const elements = impactGraph({ rows, deployments: [deployment], byDistance }, 0);
    const edge = (id: string) => elements.find((e) => e.data.id === id);
    expect(edge('o->a')?.classes).toBe('FINE_TUNED_FROM inferred');
    expect(edge('a->d')?.classes).toBe('DEPLOYS');
    expect(edge('a->d')?.data.transmits).toBe('LIKELY');
  });

  it('adds the nearest and strongest other rows up to the budget, in the order the API gave', () => {
    const elements = impactGraph({ rows, deployments: [deployment], byDistance }, 2);
    expect(ids(elements, 'nodes').filter((id) => !String(id).startsWith('more:'))).toEqual([
      'o',
      'a',
      'd',
      'b',
      'c',
    ]);
  });

  it('takes at most a few context nodes per hop, so no column outgrows the canvas', () => {
    const elements = impactGraph({ rows, deployments: [deployment], byDistance }, 10, 1);
    // b fills hop 1's one place; c waits; e at hop 2 still fits.
    expect(ids(elements, 'nodes')).toEqual(expect.arrayContaining(['b', 'e']));
    expect(ids(elements, 'nodes')).not.toContain('c');
  });

  it('stands one counted node per hop for what it leaves out, so the counts add up', () => {
    const elements = impactGraph({ rows, deployments: [deployment], byDistance }, 2);
    const more = elements.find((e) => e.data.id === 'more:1');
    // 1,203 at hop 1, of which a, b and c are drawn.
    expect(more?.data).toMatchObject({ label: '+1,200 more at hop 1', more: 1_200, distance: 1 });
    expect(elements.find((e) => e.data.id === 'o->more:1')?.classes).toBe('more-link');
    // e at hop 2 did not fit either; with room for it, hop 2 is drawn whole.
    expect(elements.find((e) => e.data.id === 'more:2')?.data.more).toBe(1);
    const roomy = impactGraph({ rows, deployments: [deployment], byDistance }, 10);
    expect(roomy.find((e) => e.data.id === 'more:2')).toBeUndefined();
  });

  it('counts the hops past the furthest drawn one in one node', () => {
    const deep = [...byDistance, { key: '3', count: 5 }, { key: '4', count: 7 }];
    const elements = impactGraph({ rows, deployments: [deployment], byDistance: deep }, 10);
    // Nothing is drawn past hop 2: hops 3 and 4 share one node, tied to hop 2.
    expect(elements.find((e) => e.data.id === 'more:3')?.data).toMatchObject({
      label: '+12 more at hops 3–4',
      more: 12,
    });
    expect(elements.find((e) => e.data.id === 'more:4')).toBeUndefined();
  });

  it('colours a mitigated node as mitigated, at the level it would have had', () => {
    const elements = impactGraph({ rows, deployments: [deployment], byDistance }, 10);
    const m = elements.find((e) => e.data.id === 'm');
    expect(m?.classes).toBe('FineTune level-MITIGATED');
    expect(m?.data.level).toBe('LIKELY');
  });

  it('never draws a row whose path is not drawn', () => {
    const orphan = row('x', ['o', 'gone', 'x'], 'LIKELY');
    const elements = impactGraph(
      { rows: [...rows, orphan], deployments: [deployment], byDistance },
      10,
    );
    expect(ids(elements, 'nodes')).not.toContain('x');
  });

  it('names the elements of one path for highlighting', () => {
    expect(pathElementIds(['o', 'a', 'd'])).toEqual(['o', 'a', 'd', 'o->a', 'a->d']);
  });
});
