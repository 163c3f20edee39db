import { Map as PersistentMap, Set as PersistentSet } from 'immutable';
import { NODE_KINDS } from '../kinds';
import { LINEAGE_RELATIONS } from '../relations';
import { endDay, NO_END, NO_START, startDay } from '../validity';
import { grown, grownList, grownTo, withSpare } from './grown';
import {
  builtIndex,
  childRow,
  nodeCount,
  nodeIndex,
  parentEdgesOf,
  type LineageEdgeInput,
  type LineageGraph,
  type LineageNodeInput,
  type DownRow,
  type LineageOverlay,
} from './lineage-graph';
import type { LineageEdgeKey } from './lineage-delta';
import { boundOf, DownRowEdit } from './overlay-rows';

/**
 * One batch of deltas being applied to a graph (see applyOverlayDeltas): the new graph shares
 * the built arrays, and each row, map or flag array it changes is a new object.
 */
export class Edit {
  readonly g: LineageGraph;
  readonly overlay: LineageOverlay;
  /** Rows touched by this batch: turned into rows at the end. */
  private readonly downs = new Map<number, DownRowEdit>();
  private readonly ups = new Map<number, number[]>();
  /** Nodes whose dates or kind this batch changed: their entries in their parents' rows. */
  private readonly lifetimeChanged = new Set<number>();
  private nodesCopied = false;

  constructor(graph: LineageGraph) {
    const nodes = nodeCount(graph);
    const old = graph.overlay;
    this.overlay = {
      sortedCount: old?.sortedCount ?? nodes,
      // Mutable copies for the batch (immutable.js shares what they do not change); `finish`
      // freezes them.
      appended: (old?.appended ?? PersistentMap<string, number>()).asMutable(),
      appendedBound: old?.appendedBound ?? [],
      removed: (old?.removed ?? PersistentSet<number>()).asMutable(),
      // Shared hints, only ever set (see LineageOverlay.downPatched).
      downPatched: old?.downPatched ?? withSpare(Uint8Array, 1, nodes),
      upPatched: old?.upPatched ?? withSpare(Uint8Array, 1, nodes),
      down: (old?.down ?? PersistentMap<number, DownRow>()).asMutable(),
      up: (old?.up ?? PersistentMap<number, Int32Array>()).asMutable(),
      rows: old?.rows ?? 0,
    };
    this.g = { ...graph, overlay: this.overlay };
  }

  /** Node arrays copied once per batch before a node changes in place. */
  private copyNodes() {
    if (this.nodesCopied) return;
    this.nodesCopied = true;
    const g = this.g;
    g.kinds = g.kinds.slice();
    g.nodeFrom = g.nodeFrom.slice();
    g.nodeTo = g.nodeTo.slice();
  }

  setNode(node: LineageNodeInput) {
    const g = this.g;
    const overlay = this.overlay;
    let index = nodeIndex(g, node.id);
    const from = startDay(node.releasedAt);
    const to = endDay(node.retiredAt);
    const kind = NODE_KINDS.indexOf(node.kind);
    const same = g.kinds[index] === kind && g.nodeFrom[index] === from && g.nodeTo[index] === to;
    if (index >= 0 && same) return;
    if (index < 0) {
      // Back after a removal (its index is free), else appended.
      const built = builtIndex(g, node.id);
      index = built >= 0 ? built : (overlay.appended.get(node.id) ?? -1);
      overlay.removed.delete(index);
    }
    if (index >= 0) {
      this.copyNodes();
      g.kinds[index] = kind;
      g.nodeFrom[index] = from;
      g.nodeTo[index] = to;
    } else {
      index = this.append(node.id, kind, from, to);
    }
    if (from !== NO_START || to !== NO_END) g.dated = true;
    // The down periods fold in the child's lifetime: its parents' rows change with it.
    const parents = this.upList(index);
    if (parents.length) this.lifetimeChanged.add(index);
    for (const edge of parents) this.downEdit(g.edgeParent[edge]!).childChanged();
  }

  /** A new node after every other: its id is looked up in `appended`, ranked by its bound. */
  private append(id: string, kind: number, from: number, to: number): number {
    const g = this.g;
    const overlay = this.overlay;
    const index = nodeCount(g);
    g.ids = grownList(g.ids, index, id);
    overlay.appended.set(id, index);
    overlay.appendedBound = grownList(
      overlay.appendedBound,
      index - overlay.sortedCount,
      boundOf(g, id),
    );
    g.kinds = grown(g.kinds, kind);
    g.nodeFrom = grown(g.nodeFrom, from);
    g.nodeTo = grown(g.nodeTo, to);
    overlay.downPatched = grownTo(overlay.downPatched, index + 1);
    overlay.upPatched = grownTo(overlay.upPatched, index + 1);
    return index;
  }

  removeNode(id: string) {
    const index = nodeIndex(this.g, id);
    if (index < 0) return;
    for (const edge of [...this.upList(index)]) this.removeEdge(edge);
    for (const edge of this.downEdit(index).edges()) this.removeEdge(edge);
    this.overlay.removed.add(index);
  }

  findEdge(key: LineageEdgeKey): number {
    const child = nodeIndex(this.g, key.from);
    const parent = nodeIndex(this.g, key.to);
    if (child < 0 || parent < 0) return -1;
    const type = LINEAGE_RELATIONS.indexOf(key.type);
    const { edgeParent, edgeType } = this.g;
    return this.upList(child).find((e) => edgeParent[e] === parent && edgeType[e] === type) ?? -1;
  }

  sameEdge(edge: number, input: LineageEdgeInput): boolean {
    const g = this.g;
    return (
      g.edgeDeclared[edge] === (input.declared ? 1 : 0) &&
      g.edgeFrom[edge] === startDay(input.validFrom) &&
      g.edgeTo[edge] === endDay(input.validTo)
    );
  }

  removeEdge(edge: number) {
    this.downEdit(this.g.edgeParent[edge]!).drop(edge);
    const up = this.upList(this.g.edgeChild[edge]!);
    const at = up.indexOf(edge);
    if (at >= 0) up.splice(at, 1);
  }

  addEdge(input: LineageEdgeInput) {
    const g = this.g;
    const child = nodeIndex(g, input.from);
    const parent = nodeIndex(g, input.to);
    // As the reference: an edge whose end is not in the graph is left out.
    if (child < 0 || parent < 0) return;
    const edge = g.edgeChild.length;
    const values = {
      edgeType: LINEAGE_RELATIONS.indexOf(input.type),
      edgeDeclared: input.declared ? 1 : 0,
      edgeChild: child,
      edgeParent: parent,
      edgeFrom: startDay(input.validFrom),
      edgeTo: endDay(input.validTo),
    };
    for (const [name, value] of Object.entries(values) as [keyof typeof values, number][]) {
      g[name] = grown(g[name] as Int32Array & Uint8Array, value);
    }
    if (values.edgeFrom !== NO_START || values.edgeTo !== NO_END) g.dated = true;
    this.downEdit(parent).add(edge);
    this.upList(child).push(edge);
  }

  private downEdit(parent: number): DownRowEdit {
    let edit = this.downs.get(parent);
    if (!edit) this.downs.set(parent, (edit = new DownRowEdit(childRow(this.g, parent))));
    return edit;
  }

  private upList(child: number): number[] {
    let list = this.ups.get(child);
    if (!list) this.ups.set(child, (list = [...parentEdgesOf(this.g, child)]));
    return list;
  }

  finish(): LineageGraph {
    const { g, overlay } = this;
    for (const [child, list] of this.ups) {
      if (!overlay.up.has(child)) overlay.rows++;
      overlay.upPatched[child] = 1;
      overlay.up.set(child, Int32Array.from(list));
    }
    for (const [parent, edit] of this.downs) {
      if (!overlay.down.has(parent)) overlay.rows++;
      overlay.downPatched[parent] = 1;
      overlay.down.set(parent, edit.row(g, this.lifetimeChanged));
    }
    overlay.appended = overlay.appended.asImmutable();
    overlay.removed = overlay.removed.asImmutable();
    overlay.down = overlay.down.asImmutable();
    overlay.up = overlay.up.asImmutable();
    return g;
  }
}
