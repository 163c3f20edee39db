import { describe, expect, it } from 'vitest';
import { impactGraph, type Hop } from '../../graph/impact-elements';
import { deploymentInDrill, drillFocus } from './drill';

const hop = (relation: string, distance = 1): Hop => ({
  to: '',
  relation,
  declared: true,
  distance,
});
const deployment = {
  id: 'd',
  distance: 2,
  provider: 'Groq, NVIDIA',
  path: [
    { id: 'o', name: 'O', kind: 'BaseModel' },
    { id: 'a', name: 'A', kind: 'FineTune' },
    { id: 'd', name: 'D', kind: 'Deployment' },
  ],
  hops: [hop('FINE_TUNED_FROM'), hop('DEPLOYS', 2)],
};
const rows = [
  {
    id: 'b',
    name: 'B',
    kind: 'Quantization',
    level: 'CERTAIN',
    distance: 1,
    path: ['o', 'b'],
    hops: [hop('QUANTIZED_FROM')],
    mitigated: false,
  },
];
const elements = impactGraph(
  { rows, deployments: [deployment], byDistance: [{ key: '1', count: 9 }] },
  10,
);

describe('drilling into a group', () => {
  it('keeps a deployment by hop, last relation, kind or any of its operators', () => {
    expect(deploymentInDrill(deployment, { by: 'distance', key: '2' })).toBe(true);
    expect(deploymentInDrill(deployment, { by: 'distance', key: '1' })).toBe(false);
    expect(deploymentInDrill(deployment, { by: 'relation', key: 'DEPLOYS' })).toBe(true);
    expect(deploymentInDrill(deployment, { by: 'kind', key: 'FineTune' })).toBe(false);
    expect(deploymentInDrill(deployment, { by: 'operator', key: 'NVIDIA' })).toBe(true);
    expect(deploymentInDrill(deployment, undefined)).toBe(true);
  });

  it("lights the group's nodes with their witness paths, and the hop's counted rest", () => {
    const operators = new Map([['d', deployment.provider]]);
    expect(drillFocus(elements, undefined, operators)).toBeUndefined();
    expect(
      [...drillFocus(elements, { by: 'kind', key: 'Quantization' }, operators)!].sort(),
    ).toEqual(['b', 'o']);
    expect([...drillFocus(elements, { by: 'operator', key: 'Groq' }, operators)!].sort()).toEqual([
      'a',
      'd',
      'o',
    ]);
    expect([...drillFocus(elements, { by: 'distance', key: '1' }, operators)!].sort()).toEqual([
      'a',
      'b',
      'more:1',
      'o',
    ]);
  });
});
