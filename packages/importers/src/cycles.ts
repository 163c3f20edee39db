import { isLineageRelation, type RelationshipInput } from '@lineage/domain';

/**
 * Splits relationships into those kept and those refused because they lie on a cycle of
 * lineage relationships (both ends in one strongly connected component) or loop on one node.
 * Components are a property of the graph, so the result does not depend on the input order.
 */
export function refuseCycles(relationships: RelationshipInput[]) {
  const lineage = relationships.filter((r) => isLineageRelation(r.type) && r.from !== r.to);
  const numberOf = new Map<string, number>();
  const number = (id: string) => {
    let n = numberOf.get(id);
    if (n === undefined) numberOf.set(id, (n = numberOf.size));
    return n;
  };
  const from = Int32Array.from(lineage, (edge) => number(edge.from));
  const to = Int32Array.from(lineage, (edge) => number(edge.to));
  const component = cycleComponents(from, to, numberOf.size);
  const componentOf = (id: string) => component[numberOf.get(id) ?? -1] ?? 0;
  const kept: RelationshipInput[] = [];
  const selfLoops: RelationshipInput[] = [];
  const onCycles: RelationshipInput[] = [];
  for (const relationship of relationships) {
    if (relationship.from === relationship.to) selfLoops.push(relationship);
    else if (
      isLineageRelation(relationship.type) &&
      componentOf(relationship.from) !== 0 &&
      componentOf(relationship.from) === componentOf(relationship.to)
    ) {
      onCycles.push(relationship);
    } else kept.push(relationship);
  }
  return { kept, selfLoops, onCycles };
}

/**
 * The strongly connected component of each of `size` nodes numbered 0..size-1, given edges
 * `from[i] -> to[i]`: Tarjan's algorithm, iterative, over arrays (a million edges need no map
 * per node). Only components of two or more nodes get an id (from 1); the others are 0, so an
 * edge lies on a cycle when both ends have the same non-zero id.
 */
export function cycleComponents(from: Int32Array, to: Int32Array, size: number): Int32Array {
  // Each node's successors: next[start[v] .. start[v + 1]).
  const start = new Int32Array(size + 1);
  for (const v of from) start[v + 1]!++;
  for (let v = 0; v < size; v++) start[v + 1]! += start[v]!;
  const next = new Int32Array(from.length);
  const fill = start.slice(0, size);
  from.forEach((v, i) => (next[fill[v]!++] = to[i]!));

  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack = new Int32Array(size);
  const component = new Int32Array(size);
  const work = new Int32Array(size);
  const cursor = new Int32Array(size);
  let [counter, depth, top, components] = [0, 0, 0, 0];
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack[top++] = v;
    onStack[v] = 1;
    cursor[v] = start[v]!;
    work[depth++] = v;
  };
  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue;
    visit(root);
    while (depth) {
      const v = work[depth - 1]!;
      if (cursor[v]! < start[v + 1]!) {
        const w = next[cursor[v]!++]!;
        if (index[w] === -1) visit(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      depth--;
      if (depth) low[work[depth - 1]!] = Math.min(low[work[depth - 1]!]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const first = top;
      do onStack[stack[--top]!] = 0;
      while (stack[top] !== v);
      if (first - top > 1) {
        components++;
        for (let i = top; i < first; i++) component[stack[i]!] = components;
      }
    }
  }
  return component;
}

export const describeEdge = (r: RelationshipInput) => `${r.from} -[${r.type}]-> ${r.to}`;
