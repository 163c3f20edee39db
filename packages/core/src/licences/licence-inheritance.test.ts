import type { LicensedNode, LineageSubgraph } from '@lineage/graph-store';
import { describe, expect, it } from 'vitest';
import { analyseLicences } from './licence-inheritance';

type Edge = LineageSubgraph['edges'][number];

function graph(nodes: [string, string, string | null, string?][], edges: Edge[]) {
  const subgraph: LineageSubgraph = {
    nodes: nodes.map(([id, kind]) => ({ id, kind }) as LineageSubgraph['nodes'][number]),
    edges,
  };
  const licences = new Map<string, LicensedNode>(
    nodes.map(([id, kind, license, provider]) => [
      id,
      { id, kind, name: id, license, provider: provider ?? null },
    ]),
  );
  return analyseLicences(subgraph, licences);
}

const edge = (from: string, type: Edge['type'], to: string, declared = true): Edge => ({
  from,
  type,
  to,
  declared,
});

describe('licence inheritance along the lineage', () => {
  it("flags a distill that declares MIT under Llama 3.1's terms, and its MIT quantization", () => {
    const { findings, inherited } = graph(
      [
        ['base', 'BaseModel', 'llama3.1'],
        [
          'distill',
          'Distillation',
          'MIT; derived from Llama 3.1 8B Base, subject to the Llama 3.1 Community License',
        ],
        ['quant', 'Quantization', 'mit'],
        ['app', 'Deployment', 'proprietary'],
      ],
      [
        edge('distill', 'FINE_TUNED_FROM', 'base'),
        edge('quant', 'QUANTIZED_FROM', 'distill'),
        edge('app', 'DEPLOYS', 'quant'),
      ],
    );
    expect(findings.map((f) => [f.node.id, f.kind, f.ancestor.id, f.path, f.acknowledged])).toEqual(
      [
        ['distill', 'DROPS', 'llama3.1', ['base', 'distill'], true],
        ['quant', 'DROPS', 'llama3.1', ['base', 'distill', 'quant'], false],
      ],
    );
    // A product runs the model; it is not a derivative with a licence of its own to check.
    expect(inherited.get('app')?.map((i) => i.terms.id)).toEqual(['llama3.1']);
  });

  it('passes terms on through nodes that declare nothing, and leaves permissive ancestors alone', () => {
    const { findings } = graph(
      [
        ['nc', 'BaseModel', 'cc-by-nc-4.0'],
        ['mid', 'FineTune', null],
        ['tuned', 'FineTune', 'apache-2.0'],
        ['free', 'BaseModel', 'apache-2.0'],
        ['free-child', 'FineTune', 'mit'],
      ],
      [
        edge('mid', 'FINE_TUNED_FROM', 'nc'),
        edge('tuned', 'FINE_TUNED_FROM', 'mid'),
        edge('free-child', 'FINE_TUNED_FROM', 'free'),
      ],
    );
    expect(findings.map((f) => [f.node.id, f.kind, f.path])).toEqual([
      ['tuned', 'CONFLICTS', ['nc', 'mid', 'tuned']],
    ]);
  });

  it('rates a path through DEPENDS_ON or an inferred edge LIKELY, preferring a CERTAIN one', () => {
    const { findings } = graph(
      [
        ['base', 'BaseModel', 'llama2'],
        ['a', 'FineTune', null],
        ['b', 'FineTune', null],
        ['c', 'FineTune', 'apache-2.0'],
        ['d', 'FineTune', 'mit'],
      ],
      [
        // c: a short LIKELY path and a longer CERTAIN one; d: only an inferred edge.
        edge('c', 'DEPENDS_ON', 'base'),
        edge('a', 'FINE_TUNED_FROM', 'base'),
        edge('b', 'FINE_TUNED_FROM', 'a'),
        edge('c', 'FINE_TUNED_FROM', 'b'),
        edge('d', 'FINE_TUNED_FROM', 'base', false),
      ],
    );
    expect(findings.map((f) => [f.node.id, f.level, f.path])).toEqual([
      ['c', 'CERTAIN', ['base', 'a', 'b', 'c']],
      ['d', 'LIKELY', ['base', 'd']],
    ]);
  });

  it('ends on a cycle (Ecosystem Graphs has them) and reports each pair once', () => {
    const { findings } = graph(
      [
        ['x', 'BaseModel', 'gemma'],
        ['y', 'FineTune', 'mit'],
        ['z', 'FineTune', 'mit'],
      ],
      [edge('y', 'DEPENDS_ON', 'x'), edge('z', 'DEPENDS_ON', 'y'), edge('y', 'DEPENDS_ON', 'z')],
    );
    expect(findings.map((f) => [f.node.id, f.path])).toEqual([
      ['y', ['x', 'y']],
      ['z', ['x', 'y', 'z']],
    ]);
  });

  it('lets a licensor relicense its own derivative, and what derives from it', () => {
    const { findings } = graph(
      [
        ['v3', 'BaseModel', 'deepseek', 'provider:deepseek'],
        ['r1', 'FineTune', 'mit', 'provider:deepseek'],
        ['distill', 'Distillation', 'mit', 'provider:deepseek'],
        ['other', 'FineTune', 'mit', 'provider:someone'],
      ],
      [
        edge('r1', 'FINE_TUNED_FROM', 'v3'),
        edge('distill', 'DISTILLED_FROM', 'r1'),
        edge('other', 'FINE_TUNED_FROM', 'v3'),
      ],
    );
    expect(findings.map((f) => [f.node.id, f.kind, f.ancestor.id])).toEqual([
      ['other', 'DROPS', 'deepseek'],
    ]);
  });
});
