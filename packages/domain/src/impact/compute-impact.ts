import type { DefectCategory, DefectStatus } from '../defects';
import { validationError } from '../errors';
import { levelRank } from '../exposure';
import type { TransmissionOverrides } from '../transmission';
import { edgeLevelTable } from './edge-levels';
import { Impact } from './impact';
import { reach } from './reach';
import { nodeCount, nodeExistsOn, type LineageGraph } from './lineage-graph';

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

/** The levels an edge can carry, strongest first: one threshold each, searched together. */
const SEARCH_LEVELS = (['CERTAIN', 'LIKELY', 'POSSIBLE'] as const).map(levelRank);

/**
 * Every node a defect reaches, with its level, distance and (on demand) witness path, as
 * DESIGN.md defines them. A node's level is the best over all paths from any origin; the
 * threshold L keeps only edges transmitting at least L, so the strongest threshold that reaches
 * a node gives its level, and the distance at that threshold is the length of the shortest path
 * achieving it. One breadth-first search carries every threshold at once (reach.ts): a node is
 * expanded once per distinct distance it has across thresholds, usually once. Its cost follows
 * what the defect reaches, not the graph's size; paths are never enumerated.
 */
export function computeImpact(
  graph: LineageGraph,
  defect: DefectSpec,
  options: ImpactOptions = {},
): Impact {
  const graphSize = nodeCount(graph);
  const mitigators = [...(options.mitigating ?? [])];
  // Most impacts have no mitigation: then no array, and no per-node check in the search.
  let mitigating: Uint8Array | undefined;
  if (mitigators.length) {
    mitigating = new Uint8Array(graphSize);
    for (const node of mitigators) mitigating[node] = 1;
  }
  const day = options.asOf;
  // An origin not yet released (or retired) that day holds nothing to reach anyone from.
  const origins = [...new Set(defect.origins)].filter((origin) => nodeExistsOn(graph, origin, day));
  const mitigatedOrigins = origins.filter((origin) => mitigating?.[origin]);
  if (mitigatedOrigins.length) {
    const names = mitigatedOrigins.map((origin) => graph.ids[origin]).join(', ');
    throw validationError(`an origin cannot mitigate its own defect: ${names}`);
  }
  const edgeLevels = edgeLevelTable(defect.category, defect.transmission);
  // The thresholds worth searching: with no edge carrying exactly a level, its search would
  // follow the same edges as the stronger one and find nothing new.
  const thresholds =
    defect.status === 'WITHDRAWN' ? [] : SEARCH_LEVELS.filter((rank) => edgeLevels.includes(rank));
  const reached = reach({
    graph,
    origins: defect.status === 'WITHDRAWN' ? [] : origins,
    edgeLevels,
    thresholds,
    mitigating,
    maxDepth: options.maxDepth ?? Number.MAX_SAFE_INTEGER,
    asOf: day,
    sortedCount: graph.overlay?.sortedCount ?? graphSize,
  });
  return new Impact(graph, edgeLevels, reached, mitigating, day);
}
