import type { ElementDefinition } from 'cytoscape';

/** One hop of a witness path: the relationship into `to` and the rule that applied to it. */
export interface Hop {
  to: string;
  relation: string;
  /** False for an inferred relationship. */
  declared: boolean;
  /** The level the defect's transmission rule gives the relation (declared or inferred). */
  transmits?: string;
  /** The reached node's own level (when asked for) and its distance along this path. */
  level?: string;
  distance: number;
}

export interface ImpactRow {
  id: string;
  name: string;
  kind: string;
  level: string;
  distance: number;
  /** Witness path, origin first. */
  path: string[];
  /** The path's relationships, origin side first, when the API gave them. */
  hops?: Hop[];
  mitigated: boolean;
}

/** An exposed deployment with its whole path, names and kinds included. */
export interface PathRow {
  id: string;
  path: { id: string; name: string; kind: string }[];
  hops: Hop[];
}

export interface ImpactGraphInput {
  rows: ImpactRow[];
  deployments: PathRow[];
  /** Exposed nodes per distance over the whole impact. */
  byDistance: { key: string; count: number }[];
}

/**
 * How many nodes beyond the deployments' paths the graph takes, and at most how many per hop:
 * past that a hop's column outgrows the canvas and labels shrink below reading size.
 */
export const CONTEXT_BUDGET = 16;
export const PER_HOP_BUDGET = 4;

type GraphNode = {
  id: string;
  label: string;
  kind: string;
  level: string;
  distance: number;
  mitigated: boolean;
  relation?: string;
  /** The witness path to the node, origin first: a drill-down keeps it in view. */
  path: string[];
};

/**
 * The impact as a layered graph that stays readable: every exposed deployment and every node on
 * its witness path, then the nearest and strongest other nodes (the API's order) up to a budget,
 * and per hop one "+N more at hop k" node standing for the nodes left out, so the counts add up.
 * Edges are the witness paths' relationships, inferred ones marked.
 */
export function impactGraph(
  input: ImpactGraphInput,
  budget = CONTEXT_BUDGET,
  perHop = PER_HOP_BUDGET,
): ElementDefinition[] {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, ElementDefinition>();
  const addPath = (
    path: string[],
    hops: Hop[] | undefined,
    names: Map<string, [string, string]>,
  ) => {
    path.forEach((id, i) => {
      const hop = i > 0 ? hops?.[i - 1] : undefined;
      if (!nodes.has(id)) {
        const [label, kind] = names.get(id) ?? [id, 'Unknown'];
        nodes.set(id, {
          id,
          label,
          kind,
          level: i === 0 ? 'CONFIRMED' : (hop?.level ?? 'POSSIBLE'),
          distance: i === 0 ? 0 : (hop?.distance ?? i),
          mitigated: false,
          relation: hop?.relation,
          path: path.slice(0, i + 1),
        });
      }
      if (i === 0) return;
      const source = path[i - 1]!;
      const edgeId = `${source}->${id}`;
      if (edges.has(edgeId)) return;
      const classes = hop ? `${hop.relation}${hop.declared ? '' : ' inferred'}` : 'witness';
      edges.set(edgeId, {
        group: 'edges',
        data: {
          id: edgeId,
          source,
          target: id,
          relation: hop?.relation,
          transmits: hop?.transmits,
        },
        classes,
      });
    });
  };

  for (const deployment of input.deployments) {
    const names = new Map(
      deployment.path.map((step) => [step.id, [step.name, step.kind]] as const),
    );
    addPath(
      deployment.path.map((step) => step.id),
      deployment.hops,
      names as Map<string, [string, string]>,
    );
  }
  // Rows the API listed: they carry their own level (a mitigated node keeps its would-be level).
  const rowNames = new Map(input.rows.map((row) => [row.id, [row.name, row.kind]] as const));
  const limit = nodes.size + budget;
  const addedAt = new Map<number, number>();
  for (const row of input.rows) {
    const known = nodes.get(row.id);
    if (known) {
      Object.assign(known, { level: row.level, distance: row.distance, mitigated: row.mitigated });
      continue;
    }
    if (nodes.size >= limit || (addedAt.get(row.distance) ?? 0) >= perHop) continue;
    // Only rows whose path is already drawn: a node never floats apart from how it is reached.
    if (!row.path.slice(0, -1).every((id) => nodes.has(id))) continue;
    addPath(row.path, row.hops, rowNames as Map<string, [string, string]>);
    addedAt.set(row.distance, (addedAt.get(row.distance) ?? 0) + 1);
    Object.assign(nodes.get(row.id)!, { mitigated: row.mitigated, level: row.level });
  }

  const more = moreNodes(nodes, input.byDistance);
  return [
    ...[...nodes.values()].map((node) => ({
      group: 'nodes' as const,
      data: { ...node },
      classes: `${node.kind} level-${node.mitigated ? 'MITIGATED' : node.level}`,
    })),
    ...edges.values(),
    ...more,
  ];
}

/**
 * Per hop, one node counting the exposed nodes the graph leaves out, tied to the hop before; the
 * hops past the one after the furthest drawn node share one node ("+52 more at hops 5-9"), so
 * a long thin tail does not stretch the graph.
 */
function moreNodes(
  nodes: Map<string, GraphNode>,
  byDistance: { key: string; count: number }[],
): ElementDefinition[] {
  const shownAt = new Map<number, GraphNode[]>();
  for (const node of nodes.values()) {
    if (node.mitigated) continue;
    shownAt.set(node.distance, [...(shownAt.get(node.distance) ?? []), node]);
  }
  const deepest = Math.max(0, ...shownAt.keys());
  const groups = new Map<number, { left: number; last: number }>();
  for (const { key, count } of byDistance) {
    const distance = Number(key);
    const left = count - (shownAt.get(distance)?.length ?? 0);
    if (left <= 0) continue;
    const at = Math.min(distance, deepest + 1);
    const group = groups.get(at) ?? { left: 0, last: distance };
    groups.set(at, { left: group.left + left, last: Math.max(group.last, distance) });
  }
  return [...groups].flatMap(([distance, { left, last }]) => {
    const id = `more:${distance}`;
    const hops = last > distance ? `hops ${distance}–${last}` : `hop ${distance}`;
    const node: ElementDefinition = {
      group: 'nodes',
      data: {
        id,
        label: `+${left.toLocaleString('en-US')} more at ${hops}`,
        kind: 'More',
        distance,
        more: left,
      },
      classes: 'more',
    };
    const anchor = shownAt.get(distance - 1)?.[0];
    if (!anchor) return [node];
    const link = `${anchor.id}->${id}`;
    return [
      node,
      { group: 'edges', data: { id: link, source: anchor.id, target: id }, classes: 'more-link' },
    ];
  });
}

/** The nodes and edges of one witness path, for highlighting. */
export function pathElementIds(path: string[]): string[] {
  const ids = [...path];
  for (let i = 1; i < path.length; i++) ids.push(`${path[i - 1]}->${path[i]}`);
  return ids;
}

export function maxDistance(rows: { distance: number }[]): number {
  return rows.reduce((max, row) => Math.max(max, row.distance), 0);
}
