import { expect } from 'vitest';
import { EXPOSURE_LEVELS, levelRank } from '../../exposure';
import type { NodeKind } from '../../kinds';
import { transmissionLevel } from '../../transmission';
import { dayNumber } from '../../validity';
import { computeImpact } from '../compute-impact';
import type { Impact } from '../impact';
import { buildLineageGraph, graphIds, nodeIndex, type LineageGraph } from '../lineage-graph';
import type { Case, IsoPeriod } from './random-lineage';

interface Best {
  level: number;
  length: number;
  path: number[];
}

/**
 * Whether a period holds on an ISO day, compared as ISO strings (their order is the dates'
 * order): on purpose not the engine's day numbers, so the two cannot share a mistake.
 */
const holds = (period: IsoPeriod, day: string | undefined) =>
  day === undefined ||
  ((period.from === undefined || period.from <= day) &&
    (period.to === undefined || day < period.to));

/**
 * The definition, literally: every path from every origin, its weakest edge, the best path.
 * On a day, a path counts only if every edge on it holds that day and every node on it,
 * the origin included, exists that day.
 */
export function bruteForceImpact(c: Case): Map<number, Best> {
  const best = new Map<number, Best>();
  if (c.withdrawn) return best;
  const exists = (node: number) => holds(c.nodePeriods[node]!, c.asOf);
  const children = new Map<number, { child: number; level: number }[]>();
  for (const edge of c.edges) {
    if (!holds(edge.period, c.asOf)) continue;
    const level = levelRank(transmissionLevel(edge.type, c.category, edge.declared, c.overrides));
    if (level === 0) continue;
    const list = children.get(edge.parent) ?? [];
    list.push({ child: edge.child, level });
    children.set(edge.parent, list);
  }
  const position = (node: number) => c.ids[node]!; // compare by id, as the spec says
  const better = (a: Best, b: Best) => {
    if (a.level !== b.level) return a.level > b.level;
    if (a.length !== b.length) return a.length < b.length;
    const ra = [...a.path].reverse();
    const rb = [...b.path].reverse();
    for (let i = 0; i < ra.length; i++) {
      if (ra[i] !== rb[i]) return position(ra[i]!) < position(rb[i]!);
    }
    return false;
  };
  const walk = (node: number, path: number[], level: number) => {
    if (!exists(node)) return;
    const candidate = { level, length: path.length - 1, path };
    const current = best.get(node);
    if (!current || better(candidate, current)) best.set(node, candidate);
    if (path.length > 1 && c.mitigating.includes(node)) return;
    if (c.maxDepth !== undefined && path.length - 1 >= c.maxDepth) return;
    for (const { child, level: edgeLevel } of children.get(node) ?? []) {
      walk(child, [...path, child], Math.min(level, edgeLevel));
    }
  };
  for (const origin of c.origins) walk(origin, [origin], levelRank('CONFIRMED'));
  return best;
}

/** The case's graph, with its dates, and the engine's impact on it. */
/** The case's lineage as the engine holds it; kinds by node (FineTune unless told). */
export function graphOfCase(
  c: Case,
  kindOf: (node: number) => NodeKind = () => 'FineTune',
): LineageGraph {
  return buildLineageGraph(
    c.ids.map((id, node) => ({
      id,
      kind: kindOf(node),
      releasedAt: c.nodePeriods[node]!.from,
      retiredAt: c.nodePeriods[node]!.to,
    })),
    c.edges.map((e) => ({
      from: c.ids[e.child]!,
      to: c.ids[e.parent]!,
      type: e.type,
      declared: e.declared,
      validFrom: e.period.from,
      validTo: e.period.to,
    })),
  );
}

/** The engine's impact of the case's defect over `graph`. */
export function impactOfCase(c: Case, graph: LineageGraph): Impact {
  const toIndex = (node: number) => nodeIndex(graph, c.ids[node]!);
  return computeImpact(
    graph,
    {
      category: c.category,
      status: c.withdrawn ? 'WITHDRAWN' : 'OPEN',
      origins: c.origins.map(toIndex),
      transmission: c.overrides,
    },
    {
      mitigating: c.mitigating.map(toIndex),
      maxDepth: c.maxDepth,
      asOf: c.asOf === undefined ? undefined : dayNumber(c.asOf),
    },
  );
}

export function engineImpact(c: Case): { graph: LineageGraph; impact: Impact } {
  const graph = graphOfCase(c);
  return { graph, impact: impactOfCase(c, graph) };
}

/** Every node's level, distance, witness and mitigation, and the order: as the definition says. */
export function expectEngineAgreesWithBruteForce(c: Case): void {
  const { graph, impact } = engineImpact(c);
  const expected = bruteForceImpact(c);
  for (let node = 0; node < c.ids.length; node++) {
    const index = nodeIndex(graph, c.ids[node]!);
    const want = expected.get(node);
    expect(impact.levelOf(index)).toBe(EXPOSURE_LEVELS[want?.level ?? 0]);
    expect(impact.distanceOf(index)).toBe(want ? want.length : -1);
    expect(impact.witness(index).map((i) => graph.ids[i])).toEqual(
      (want?.path ?? []).map((n) => c.ids[n]),
    );
    expect(impact.isMitigated(index)).toBe(!!want && c.mitigating.includes(node));
  }
  const order = [...expected.entries()]
    .filter(([node]) => !c.mitigating.includes(node))
    .sort(
      ([a, x], [b, y]) =>
        y.level - x.level || x.length - y.length || (c.ids[a]! < c.ids[b]! ? -1 : 1),
    )
    .map(([node]) => c.ids[node]);
  expect([...impact.exposed].map((i) => graph.ids[i])).toEqual(order);
}

/** Everything the engine says about every node, by id, for comparing two computations. */
export function impactSummary(graph: LineageGraph, impact: Impact) {
  return {
    nodes: graphIds(graph).map((id, index) => ({
      id,
      level: impact.levelOf(index),
      distance: impact.distanceOf(index),
      witness: impact.witness(index).map((i) => graph.ids[i]),
      mitigated: impact.isMitigated(index),
    })),
    exposed: [...impact.exposed].map((i) => graph.ids[i]),
    mitigated: [...impact.mitigated].map((i) => graph.ids[i]),
    totals: impact.totals(),
  };
}
