import type { DefectCategory, DefectStatus } from '../defects';
import { validationError } from '../errors';
import { levelRank } from '../exposure';
import type { TransmissionOverrides } from '../transmission';
import { edgeLevel, edgeLevelTable } from './edge-levels';
import { Impact } from './impact';
import type { LineageGraph } from './lineage-graph';

export interface DefectSpec {
  category: DefectCategory;
  status: DefectStatus;
  /** Node indices of the origins (the nodes the defect AFFECTS). */
  origins: number[];
  transmission?: TransmissionOverrides;
}

export interface ImpactOptions {
  /** Nodes shown not to be affected: reported as mitigated, and nothing passes through them. */
  mitigating?: Iterable<number>;
  /** Longest path considered, in edges; none by default. */
  maxDepth?: number;
}

const CONFIRMED = levelRank('CONFIRMED');
/** The levels an edge can carry, strongest first: one breadth-first search each. */
const SEARCH_LEVELS = (['CERTAIN', 'LIKELY', 'POSSIBLE'] as const).map(levelRank);

/**
 * Every node a defect reaches, with its level, distance and (on demand) witness path, as
 * DESIGN.md defines them. A node's level is the best over all paths from any origin; the
 * search for level L keeps only edges transmitting at least L, so the first (strongest) search
 * that reaches a node gives its level, and that search's distance is the length of the shortest
 * path achieving it. O(levels x (V + E)); paths are never enumerated.
 */
export function computeImpact(
  graph: LineageGraph,
  defect: DefectSpec,
  options: ImpactOptions = {},
): Impact {
  const nodeCount = graph.ids.length;
  const mitigating = new Uint8Array(nodeCount);
  for (const node of options.mitigating ?? []) mitigating[node] = 1;
  const origins = [...new Set(defect.origins)];
  const mitigatedOrigins = origins.filter((origin) => mitigating[origin]);
  if (mitigatedOrigins.length) {
    const names = mitigatedOrigins.map((origin) => graph.ids[origin]).join(', ');
    throw validationError(`an origin cannot mitigate its own defect: ${names}`);
  }
  const edgeLevels = edgeLevelTable(defect.category, defect.transmission);
  const level = new Uint8Array(nodeCount);
  const distance = new Int32Array(nodeCount).fill(-1);
  const searches = new Map<number, Int32Array>();
  if (defect.status === 'WITHDRAWN') {
    return new Impact(graph, edgeLevels, level, distance, mitigating, searches);
  }

  for (const origin of origins) {
    level[origin] = CONFIRMED;
    distance[origin] = 0;
  }
  const maxDepth = options.maxDepth ?? Number.MAX_SAFE_INTEGER;
  const queue = new Int32Array(nodeCount);
  for (const minimum of SEARCH_LEVELS) {
    const reached = breadthFirst(graph, origins, edgeLevels, minimum, mitigating, maxDepth, queue);
    searches.set(minimum, reached.distances);
    // Only the nodes this search reached, which the queue holds: a hub's impact on a
    // million-node projection costs what it reaches, not the graph's size.
    for (let i = 0; i < reached.count; i++) {
      const node = queue[i]!;
      if (level[node] === 0) {
        level[node] = minimum;
        distance[node] = reached.distances[node]!;
      }
    }
  }
  return new Impact(graph, edgeLevels, level, distance, mitigating, searches);
}

function breadthFirst(
  graph: LineageGraph,
  origins: number[],
  edgeLevels: Uint8Array,
  minimum: number,
  mitigating: Uint8Array,
  maxDepth: number,
  queue: Int32Array,
): { distances: Int32Array; count: number } {
  const reached = new Int32Array(graph.ids.length).fill(-1);
  let head = 0;
  let tail = 0;
  for (const origin of origins) {
    reached[origin] = 0;
    queue[tail++] = origin;
  }
  while (head < tail) {
    const parent = queue[head++]!;
    // A mitigating node is reached (and reported) but passes nothing on.
    if (mitigating[parent] || reached[parent]! >= maxDepth) continue;
    for (let i = graph.downStart[parent]!; i < graph.downStart[parent + 1]!; i++) {
      const edge = graph.downEdges[i]!;
      if (edgeLevel(graph, edgeLevels, edge) < minimum) continue;
      const child = graph.edgeChild[edge]!;
      if (reached[child]! < 0) {
        reached[child] = reached[parent]! + 1;
        queue[tail++] = child;
      }
    }
  }
  return { distances: reached, count: tail };
}
