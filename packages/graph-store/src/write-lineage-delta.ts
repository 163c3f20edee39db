import {
  isLineageRelation,
  LINEAGE_KINDS,
  relationshipKey,
  type LineageEdgeInput,
  type LineageNodeInput,
  type LineageRelation,
  type NodeKind,
} from '@lineage/domain';
import { emptyLineageChange, type LineageChange } from './lineage-delta-record';
import type { PlainProps } from './values';
import type { NodeRow, RelationshipRow } from './write-plan';

const dayOf = (value: PlainProps[string] | undefined) => (typeof value === 'string' ? value : null);

/** A node's lineage state in stored properties; undefined for a node the lineage leaves out. */
function lineageNode(id: string, props: PlainProps | undefined): LineageNodeInput | undefined {
  if (!props || !LINEAGE_KINDS.includes(props.kind as NodeKind)) return undefined;
  return {
    id,
    kind: props.kind as NodeKind,
    releasedAt: dayOf(props.releasedAt),
    retiredAt: dayOf(props.retiredAt),
  };
}

/** An edge's lineage state in stored properties, as the projection's scan reads it. */
function lineageEdge(row: RelationshipRow, props: PlainProps): LineageEdgeInput {
  return {
    from: row.from,
    to: row.to,
    type: row.type as LineageRelation,
    declared: props.declared !== false,
    validFrom: dayOf(props.validFrom),
    validTo: dayOf(props.validTo),
  };
}

const sameNode = (a: LineageNodeInput, b: LineageNodeInput) =>
  a.kind === b.kind && a.releasedAt === b.releasedAt && a.retiredAt === b.retiredAt;

const sameEdge = (a: LineageEdgeInput, b: LineageEdgeInput) =>
  a.declared === b.declared && a.validFrom === b.validFrom && a.validTo === b.validTo;

/**
 * What a write of these rows does to the lineage: every lineage node created or whose kind or
 * dates changed, every lineage edge created or whose `declared` or period changed, each with its
 * whole state as stored after the write (rows are written whole: `SET n = row.props`).
 * `existingNodes` and `existingRelationships` hold what was stored before, read under the lock.
 */
export function lineageChangeOfWrite(
  nodeWrites: NodeRow[],
  existingNodes: Map<string, PlainProps>,
  relationshipWrites: RelationshipRow[],
  existingRelationships: Map<string, PlainProps>,
): LineageChange {
  const change = emptyLineageChange();
  for (const row of nodeWrites) {
    const before = lineageNode(row.id, existingNodes.get(row.id));
    const after = lineageNode(row.id, row.props);
    if (after && !(before && sameNode(before, after))) change.nodes.push(after);
    // Ids fix the group, so a lineage node never becomes another kind of node; were it to, the
    // projection must lose it rather than keep a stale copy.
    else if (before && !after) change.removedNodes.push(row.id);
  }
  for (const row of relationshipWrites) {
    if (!isLineageRelation(row.type)) continue;
    const stored = existingRelationships.get(relationshipKey(row));
    const after = lineageEdge(row, row.props);
    if (!(stored && sameEdge(lineageEdge(row, stored), after))) change.edges.push(after);
  }
  return change;
}
