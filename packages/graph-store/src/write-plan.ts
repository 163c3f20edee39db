import {
  isCurated,
  isLineageRelation,
  newEntity,
  newRelationship,
  notFound,
  relationshipKey,
  validationError,
  type GraphBatch,
  type NodeKind,
  type Origin,
  type RelationshipInput,
} from '@lineage/domain';
import {
  applyUpdate,
  checkStoredEntity,
  checkStoredRelationship,
  entityToProps,
  relationshipToProps,
  type RelationshipKey,
} from './entity-props';
import { canonicalJson, type PlainProps } from './values';

// What a write changes, computed from the records read inside its transaction, after the write
// lock: the stored state it merges with is the committed one, and no other writer can change
// it before the commit.

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface NodeRow {
  id: string;
  props: PlainProps;
}

export interface RelationshipRow extends RelationshipKey {
  props: PlainProps;
}

const withoutStamp = ({ updatedAt: _stamp, ...content }: PlainProps): PlainProps => content;

/**
 * Nodes to write: a new one gets the creation defaults; a stored one changes only in the
 * fields its input names (and what its removals take away); a patch changes a stored node of
 * the kinds it names. Counted once per node, as created, updated or unchanged.
 */
export function planNodes(batch: GraphBatch, existing: Map<string, PlainProps>, now: string) {
  const state = new Map<string, PlainProps>();
  const stored = (id: string) => {
    const props = existing.get(id);
    return props && withoutStamp(props);
  };
  for (const node of batch.nodes) {
    const before = state.get(node.id) ?? stored(node.id);
    if (!before) {
      state.set(node.id, entityToProps(newEntity(node)));
      continue;
    }
    state.set(node.id, applyUpdate(before, entityToProps(node), node));
  }
  for (const patch of batch.patches ?? []) {
    if (state.has(patch.id)) {
      throw validationError(`the batch both upserts and patches '${patch.id}'`);
    }
    const before = stored(patch.id);
    if (!before || !patch.kinds.includes(before.kind as NodeKind)) {
      throw notFound(patch.kinds.length === 1 ? patch.kinds[0]! : 'node', patch.id);
    }
    state.set(patch.id, applyUpdate(before, entityToProps(patch.set)));
  }

  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const writes: NodeRow[] = [];
  for (const [id, after] of state) {
    const before = stored(id);
    if (!before) {
      counts.created++;
    } else if (canonicalJson(after) === canonicalJson(before)) {
      counts.unchanged++;
      continue;
    } else {
      // Merged lists may outgrow their bounds; a patch may name a value the field cannot hold.
      checkStoredEntity(id, after);
      counts.updated++;
    }
    writes.push({ id, props: { ...after, updatedAt: now } });
  }
  return { counts, writes };
}

/** Relationships to write, by the same rules as nodes; new lineage edges are listed for the cycle check. */
const IMPORT_MAY_NOT_CHANGE = [
  'declared',
  'origin',
  'recordedFrom',
  'matchedBy',
  // The period a person or the seed gave rests on its sources; an import's reading never moves it.
  'validFrom',
  'validTo',
] as const;

/**
 * An import that meets a relationship a person or the seed wrote adds its sources and nothing
 * else: its own reading (an inferred relation, its record, how it matched) never overwrites a
 * curated one, as imports never rewrite curated nodes.
 */
function keepCurated(before: PlainProps, relationship: RelationshipInput): RelationshipInput {
  const curated = isCurated(before.origin as Origin | undefined);
  if (!curated || relationship.origin !== 'import') return relationship;
  const kept = { ...relationship };
  for (const field of IMPORT_MAY_NOT_CHANGE) delete kept[field];
  return kept;
}

export function planRelationships(batch: GraphBatch, existing: Map<string, PlainProps>) {
  const state = new Map<string, RelationshipRow>();
  for (const relationship of batch.relationships) {
    const key = relationshipKey(relationship);
    const { type, from, to } = relationship;
    const before = state.get(key)?.props ?? existing.get(key);
    if (!before) {
      state.set(key, { type, from, to, props: relationshipToProps(newRelationship(relationship)) });
      continue;
    }
    const input = keepCurated(before, relationship);
    const after = applyUpdate(before, relationshipToProps(input), input);
    state.set(key, { type, from, to, props: after });
  }

  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const writes: RelationshipRow[] = [];
  const createdLineage: RelationshipKey[] = [];
  for (const [key, row] of state) {
    const before = existing.get(key);
    if (!before) {
      counts.created++;
      if (isLineageRelation(row.type))
        createdLineage.push({ type: row.type, from: row.from, to: row.to });
    } else if (canonicalJson(row.props) === canonicalJson(before)) {
      counts.unchanged++;
      continue;
    } else {
      checkStoredRelationship({ type: row.type, from: row.from, to: row.to }, row.props);
      counts.updated++;
    }
    writes.push(row);
  }
  return { counts, writes, createdLineage };
}
