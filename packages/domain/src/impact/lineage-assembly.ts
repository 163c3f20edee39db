import { NO_END, NO_START } from '../validity';
import type { LineageGraph } from './lineage-graph';

export type NodeArrays = Pick<LineageGraph, 'ids' | 'kinds' | 'nodeFrom' | 'nodeTo'>;
export type EdgeArrays = Pick<
  LineageGraph,
  'edgeType' | 'edgeDeclared' | 'edgeChild' | 'edgeParent' | 'edgeFrom' | 'edgeTo'
>;

/** The graph over node and edge arrays (nodes in id order): its rows, both ways. */
export function assembleLineageGraph(nodes: NodeArrays, edgeArrays: EdgeArrays): LineageGraph {
  const { ids, kinds, nodeFrom, nodeTo } = nodes;
  const { edgeType, edgeDeclared, edgeChild, edgeParent, edgeFrom, edgeTo } = edgeArrays;
  const edgeCount = edgeChild.length;
  const down = compressedRows(ids.length, edgeParent);
  const up = compressedRows(ids.length, edgeChild);
  const downChild = new Int32Array(edgeCount);
  const downCode = new Uint8Array(edgeCount);
  const downKind = new Uint8Array(edgeCount);
  const downEdges = down.edges;
  const downFrom = new Int32Array(edgeCount);
  const downTo = new Int32Array(edgeCount);
  down.edges.forEach((edge, i) => {
    downChild[i] = edgeChild[edge]!;
    downCode[i] = edgeType[edge]! * 2 + edgeDeclared[edge]!;
    const child = edgeChild[edge]!;
    downKind[i] = kinds[child]!;
    downFrom[i] = Math.max(edgeFrom[edge]!, nodeFrom[child]!);
    downTo[i] = Math.min(edgeTo[edge]!, nodeTo[child]!);
  });
  const dated =
    nodeFrom.some((day) => day !== NO_START) ||
    nodeTo.some((day) => day !== NO_END) ||
    edgeFrom.some((day) => day !== NO_START) ||
    edgeTo.some((day) => day !== NO_END);
  return {
    ...nodes,
    ...edgeArrays,
    downStart: down.start,
    downChild,
    downCode,
    downKind,
    downEdges,
    upStart: up.start,
    upEdges: up.edges,
    downFrom,
    downTo,
    dated,
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
