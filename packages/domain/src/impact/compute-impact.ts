import type { DefectCategory, DefectStatus } from '../defects';
import { validationError } from '../errors';
import { levelRank } from '../exposure';
import type { TransmissionOverrides } from '../transmission';
import { edgeLevelTable } from './edge-levels';
import { Impact, type DistanceArray } from './impact';
import { sharedArray } from './shared-array';
import { nodeExistsOn, type LineageGraph } from './lineage-graph';

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
  /**
   * The day (a day number, see validity.ts) the impact is asked for: only nodes existing that
   * day are reached (origins included) and only edges holding that day transmit. Undefined:
   * every node and edge whatever their dates.
   */
  asOf?: number;
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
  const mitigators = [...(options.mitigating ?? [])];
  const mitigating = mitigators.length ? new Uint8Array(nodeCount) : noMitigation(nodeCount);
  for (const node of mitigators) mitigating[node] = 1;
  const day = options.asOf;
  // An origin not yet released (or retired) that day holds nothing to reach anyone from.
  const origins = [...new Set(defect.origins)].filter((origin) => nodeExistsOn(graph, origin, day));
  const mitigatedOrigins = origins.filter((origin) => mitigating[origin]);
  if (mitigatedOrigins.length) {
    const names = mitigatedOrigins.map((origin) => graph.ids[origin]).join(', ');
    throw validationError(`an origin cannot mitigate its own defect: ${names}`);
  }
  const edgeLevels = edgeLevelTable(defect.category, defect.transmission);
  const level = new Uint8Array(nodeCount);
  const searches = new Map<number, DistanceArray>();
  if (defect.status === 'WITHDRAWN') {
    return new Impact(graph, edgeLevels, level, mitigating, searches, day);
  }

  for (const origin of origins) level[origin] = CONFIRMED;
  const maxDepth = options.maxDepth ?? Number.MAX_SAFE_INTEGER;
  const queue = scratchQueue(nodeCount);
  for (const minimum of SEARCH_LEVELS) {
    // With no edge carrying exactly this level, this search would follow the same edges as the
    // stronger one before it and find nothing new.
    if (!edgeLevels.includes(minimum)) continue;
    const search = (wide: boolean) =>
      breadthFirst(graph, origins, edgeLevels, minimum, mitigating, maxDepth, queue, wide, day);
    const reached = search(false) ?? search(true)!;
    searches.set(minimum, reached.distances);
    // Only the nodes this search reached, which the queue holds: a hub's impact on a
    // million-node projection costs what it reaches, not the graph's size.
    for (let i = 0; i < reached.count; i++) {
      const node = queue[i]!;
      if (level[node] === 0) level[node] = minimum;
    }
  }
  return new Impact(graph, edgeLevels, level, mitigating, searches, day);
}

/** All zeros, for the computations without mitigations (most of them): never written. */
const noMitigation = sharedArray((length) => new Uint8Array(length));

/** The breadth-first queue: computeImpact never lets it out. */
const scratchQueue = sharedArray((length) => new Int32Array(length));

/**
 * Distances plus one (0: not reached) over edges transmitting at least `minimum`. In bytes
 * unless `wide`: lineage is rarely more than a dozen hops deep, and a million-node array per
 * level is then 1 MB rather than 4 MB. Returns undefined when a distance outgrows a byte.
 */
function breadthFirst(
  graph: LineageGraph,
  origins: number[],
  edgeLevels: Uint8Array,
  minimum: number,
  mitigating: Uint8Array,
  maxDepth: number,
  queue: Int32Array,
  wide: boolean,
  asOf: number | undefined,
): { distances: DistanceArray; count: number } | undefined {
  const reached = wide ? new Int32Array(graph.ids.length) : new Uint8Array(graph.ids.length);
  // Locals, not property reads, in the innermost loop: it runs once per edge of a hub's impact.
  const { downStart, downCode, downChild, downFrom, downTo, nodeFrom, nodeTo } = graph;
  // Dates are compared only when asked for and known: an undated graph searches as before.
  const timed = asOf !== undefined && graph.dated;
  const day = asOf ?? 0;
  let head = 0;
  let tail = 0;
  for (const origin of origins) {
    reached[origin] = 1;
    queue[tail++] = origin;
  }
  while (head < tail) {
    const parent = queue[head++]!;
    // A mitigating node is reached (and reported) but passes nothing on.
    if (mitigating[parent] || reached[parent]! > maxDepth) continue;
    const next = reached[parent]! + 1;
    const end = downStart[parent + 1]!;
    for (let i = downStart[parent]!; i < end; i++) {
      if (edgeLevels[downCode[i]!]! < minimum) continue;
      if (timed && (day < downFrom[i]! || day >= downTo[i]!)) continue;
      const child = downChild[i]!;
      if (reached[child] === 0) {
        if (timed && (day < nodeFrom[child]! || day >= nodeTo[child]!)) continue;
        if (!wide && next > 255) return undefined;
        reached[child] = next;
        queue[tail++] = child;
      }
    }
  }
  return { distances: reached, count: tail };
}
