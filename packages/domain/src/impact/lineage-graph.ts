import { validationError } from '../errors';
import { NODE_KINDS, type NodeKind } from '../kinds';
import { LINEAGE_RELATIONS, type LineageRelation } from '../relations';

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
  upStart: Int32Array;
  upEdges: Int32Array;
}

export interface LineageNodeInput {
  id: string;
  kind: NodeKind;
}

export interface LineageEdgeInput {
  /** The dependent (child). */
  from: string;
  /** What it depends on (parent). */
  to: string;
  type: LineageRelation;
  declared: boolean;
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
  const kinds = Uint8Array.from(sorted, (node) => NODE_KINDS.indexOf(node.kind));

  const edgeCount = edges.length;
  const edgeType = new Uint8Array(edgeCount);
  const edgeDeclared = new Uint8Array(edgeCount);
  const edgeChild = new Int32Array(edgeCount);
  const edgeParent = new Int32Array(edgeCount);
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
  });
  const down = compressedRows(ids.length, edgeParent);
  const up = compressedRows(ids.length, edgeChild);
  const downChild = new Int32Array(edgeCount);
  const downCode = new Uint8Array(edgeCount);
  down.edges.forEach((edge, i) => {
    downChild[i] = edgeChild[edge]!;
    downCode[i] = edgeType[edge]! * 2 + edgeDeclared[edge]!;
  });
  return {
    ids,
    kinds,
    edgeType,
    edgeDeclared,
    edgeChild,
    edgeParent,
    downStart: down.start,
    downChild,
    downCode,
    upStart: up.start,
    upEdges: up.edges,
  };
}

/** Groups edge indices by the node `owner[e]` names (a counting sort: linear time). */
function compressedRows(nodeCount: number, owner: Int32Array) {
  const start = new Int32Array(nodeCount + 1);
  for (const node of owner) start[node + 1]!++;
  for (let i = 0; i < nodeCount; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nodeCount);
  const edges = new Int32Array(owner.length);
  owner.forEach((node, e) => {
    edges[fill[node]!++] = e;
  });
  return { start, edges };
}

export function nodeIndex(graph: LineageGraph, id: string): number {
  let low = 0;
  let high = graph.ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = compareIds(graph.ids[mid]!, id);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

export function kindOfNode(graph: LineageGraph, node: number): NodeKind {
  return NODE_KINDS[graph.kinds[node]!]!;
}
