import { validationError } from '../errors';
import { NODE_KINDS, type NodeKind } from '../kinds';
import { LINEAGE_RELATIONS, type LineageRelation } from '../relations';
import { endDay, holdsOn, NO_END, NO_START, startDay } from '../validity';
import { withSpare } from './grown';
import { assembleLineageGraph } from './lineage-assembly';
import type { LineageOverlay } from './lineage-rows';

export { childRow, parentEdgesOf, type DownRow, type LineageOverlay } from './lineage-rows';

/**
 * The lineage as compact typed arrays, so one engine serves a subgraph fetched per request and
 * a projection of a whole million-node graph. Node indices follow the order of ids (code-unit
 * order): comparing indices compares ids, which the witness rule needs.
 *
 * Edges keep the stored direction, child -> parent (the dependent points at what it depends
 * on). `down*` lists, per parent, the edges to its children (the way a defect flows);
 * `up*` lists, per child, the edges to its parents.
 */
export interface LineageGraph {
  /**
   * The id of each node. Shared, append-only, between a graph and those deltas make from it
   * (overlay-edit.ts), so it may run past this graph's nodes: count them with `nodeCount`.
   */
  ids: string[];
  kinds: Uint8Array;
  edgeType: Uint8Array;
  edgeDeclared: Uint8Array;
  edgeChild: Int32Array;
  edgeParent: Int32Array;
  downStart: Int32Array;
  /**
   * Per parent (from downStart[p] to downStart[p + 1]), each edge's child and its (type x 2 +
   * declared) code: laid out in search order, so a breadth-first search reads them in sequence
   * rather than jumping to each edge's index.
   */
  downChild: Int32Array;
  downCode: Uint8Array;
  /**
   * Each child's kind, in the same layout: a search reads it beside the child, in sequence, so
   * counting what it reached by kind reads no node array at random.
   */
  downKind: Uint8Array;
  /** The edge index of each position of the `down*` layout. */
  downEdges: Int32Array;
  upStart: Int32Array;
  upEdges: Int32Array;
  /**
   * Time, as day numbers (see validity.ts): each node exists over [nodeFrom, nodeTo) (release to
   * retirement), each edge holds over [edgeFrom, edgeTo). `downFrom`/`downTo`, in the `down*`
   * layout, are when the edge can carry a defect to its child: while it holds and the child
   * exists (the overlap of the two), so a search reads one period in sequence per edge instead
   * of jumping to the child's. NO_START / NO_END where a date is not known. `dated` is false
   * when no date is known at all, so a search can skip the comparisons.
   */
  nodeFrom: Int32Array;
  nodeTo: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  downFrom: Int32Array;
  downTo: Int32Array;
  dated: boolean;
  /**
   * Set when deltas changed the graph without rebuilding it (lineage-overlay.ts): rows it
   * replaces, nodes it appended or removed. Undefined on a built graph. Read rows through
   * `childRow` / `parentEdgesOf` and ids through `nodeIndex`, which respect it.
   */
  overlay?: LineageOverlay;
}

export interface LineageNodeInput {
  id: string;
  kind: NodeKind;
  /** ISO dates: the node exists from its release until its retirement. */
  releasedAt?: string | null;
  retiredAt?: string | null;
}

export interface LineageEdgeInput {
  /** The dependent (child). */
  from: string;
  /** What it depends on (parent). */
  to: string;
  type: LineageRelation;
  declared: boolean;
  /** ISO dates: the first day the relationship held, the first day it no longer did. */
  validFrom?: string | null;
  validTo?: string | null;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildLineageGraph(
  nodes: LineageNodeInput[],
  edges: LineageEdgeInput[],
): LineageGraph {
  const sorted = [...nodes].sort((a, b) => compareIds(a.id, b.id));
  const ids = sorted.map((node) => node.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  if (index.size !== ids.length) throw validationError('the lineage graph names a node twice');
  const { start, end } = dayReader();
  // Node and edge arrays with room to append what deltas add (see grown.ts) before any copy.
  const kinds = withSpare(Uint8Array, 1, sorted.length);
  const nodeFrom = withSpare(Int32Array, 4, sorted.length);
  const nodeTo = withSpare(Int32Array, 4, sorted.length);
  sorted.forEach((node, i) => {
    kinds[i] = NODE_KINDS.indexOf(node.kind);
    nodeFrom[i] = start(node.releasedAt);
    nodeTo[i] = end(node.retiredAt);
  });

  const edgeCount = edges.length;
  const edgeType = withSpare(Uint8Array, 1, edgeCount);
  const edgeDeclared = withSpare(Uint8Array, 1, edgeCount);
  const edgeChild = withSpare(Int32Array, 4, edgeCount);
  const edgeParent = withSpare(Int32Array, 4, edgeCount);
  const edgeFrom = withSpare(Int32Array, 4, edgeCount);
  const edgeTo = withSpare(Int32Array, 4, edgeCount);
  edges.forEach((edge, e) => {
    const child = index.get(edge.from);
    const parent = index.get(edge.to);
    if (child === undefined || parent === undefined) {
      throw validationError(`the edge ${edge.from} -> ${edge.to} names a node not in the graph`);
    }
    edgeType[e] = LINEAGE_RELATIONS.indexOf(edge.type);
    edgeDeclared[e] = edge.declared ? 1 : 0;
    edgeChild[e] = child;
    edgeParent[e] = parent;
    edgeFrom[e] = start(edge.validFrom);
    edgeTo[e] = end(edge.validTo);
  });
  return assembleLineageGraph(
    { ids, kinds, nodeFrom, nodeTo },
    { edgeType, edgeDeclared, edgeChild, edgeParent, edgeFrom, edgeTo },
  );
}

/**
 * Day numbers of ISO dates, each distinct date parsed once: a million-edge projection holds
 * a few thousand distinct days, and parsing each of millions of dates would block for seconds.
 */
function dayReader() {
  const days = new Map<string, number>();
  const read = (date: string, parse: (date: string) => number) => {
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = parse(date)));
    return day;
  };
  return {
    start: (date?: string | null) => (date ? read(date, startDay) : NO_START),
    end: (date?: string | null) => (date ? read(date, endDay) : NO_END),
  };
}

/** How many nodes the graph holds (its `ids` may run further: see LineageGraph.ids). */
export function nodeCount(graph: LineageGraph): number {
  return graph.kinds.length;
}

/** The graph's own ids, without those a later graph appended to the shared array. */
export function graphIds(graph: LineageGraph): string[] {
  const count = nodeCount(graph);
  return graph.ids.length === count ? graph.ids : graph.ids.slice(0, count);
}

export function nodeIndex(graph: LineageGraph, id: string): number {
  const overlay = graph.overlay;
  const built = builtIndex(graph, id);
  if (!overlay) return built;
  if (built >= 0) return overlay.removed.has(built) ? -1 : built;
  const appended = overlay.appended.get(id);
  return appended === undefined || overlay.removed.has(appended) ? -1 : appended;
}

/** The id's index among the built (id-ordered) nodes, removed or not; -1 when not there. */
export function builtIndex(graph: LineageGraph, id: string): number {
  let low = 0;
  let high = (graph.overlay?.sortedCount ?? nodeCount(graph)) - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = compareIds(graph.ids[mid]!, id);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Whether the node exists on `day` (undefined: at any time). */
export function nodeExistsOn(graph: LineageGraph, node: number, day: number | undefined): boolean {
  return day === undefined || holdsOn(graph.nodeFrom[node]!, graph.nodeTo[node]!, day);
}

/** Whether the edge holds on `day` (undefined: at any time). */
export function edgeHoldsOn(graph: LineageGraph, edge: number, day: number | undefined): boolean {
  return day === undefined || holdsOn(graph.edgeFrom[edge]!, graph.edgeTo[edge]!, day);
}

export function kindOfNode(graph: LineageGraph, node: number): NodeKind {
  return NODE_KINDS[graph.kinds[node]!]!;
}
