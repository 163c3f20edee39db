import { withSpare } from './grown';
import { assembleLineageGraph } from './lineage-assembly';
import { nodeCount, parentEdgesOf, type LineageGraph } from './lineage-graph';

/**
 * The same graph without its overlay: plain arrays again, nodes back in id order. Works on
 * indices (no ids parsed, no dates formatted): the built nodes are already in id order and the
 * appended ones are merged in by their bound. O(V + E), so run off the request path once
 * `overlayShare` grows past a few percent.
 */
export function compactLineageGraph(graph: LineageGraph): LineageGraph {
  const overlay = graph.overlay;
  if (!overlay) return graph;
  const { sortedCount, appendedBound, removed } = overlay;
  const appended = Array.from({ length: nodeCount(graph) - sortedCount }, (_, i) => sortedCount + i)
    .filter((node) => !removed.has(node))
    .sort((a, b) => (graph.ids[a]! < graph.ids[b]! ? -1 : 1));
  // Old index -> new, in id order; -1 for removed nodes.
  const renumbered = new Int32Array(nodeCount(graph)).fill(-1);
  const order: number[] = [];
  let next = 0;
  const place = (node: number) => {
    renumbered[node] = order.length;
    order.push(node);
  };
  for (let node = 0; node < sortedCount; node++) {
    while (next < appended.length && appendedBound[appended[next]! - sortedCount]! <= node) {
      place(appended[next++]!);
    }
    if (!removed.has(node)) place(node);
  }
  while (next < appended.length) place(appended[next++]!);

  const edges: number[] = [];
  for (const child of order) for (const edge of parentEdgesOf(graph, child)) edges.push(edge);
  const edgeArray = <T extends Int32Array | Uint8Array>(
    make: new (buffer: ArrayBuffer, offset: number, length: number) => T,
    bytes: number,
    value: (edge: number) => number,
  ) => {
    const array = withSpare(make, bytes, edges.length);
    edges.forEach((edge, i) => (array[i] = value(edge)));
    return array;
  };
  return assembleLineageGraph(
    {
      ids: order.map((node) => graph.ids[node]!),
      kinds: Uint8Array.from(order, (node) => graph.kinds[node]!),
      nodeFrom: Int32Array.from(order, (node) => graph.nodeFrom[node]!),
      nodeTo: Int32Array.from(order, (node) => graph.nodeTo[node]!),
    },
    {
      edgeType: edgeArray(Uint8Array, 1, (e) => graph.edgeType[e]!),
      edgeDeclared: edgeArray(Uint8Array, 1, (e) => graph.edgeDeclared[e]!),
      edgeChild: edgeArray(Int32Array, 4, (e) => renumbered[graph.edgeChild[e]!]!),
      edgeParent: edgeArray(Int32Array, 4, (e) => renumbered[graph.edgeParent[e]!]!),
      edgeFrom: edgeArray(Int32Array, 4, (e) => graph.edgeFrom[e]!),
      edgeTo: edgeArray(Int32Array, 4, (e) => graph.edgeTo[e]!),
    },
  );
}
