import {
  describeIssues,
  LINEAGE_RELATIONS,
  relationshipKey,
  storedEntitySchema,
  storedRelationshipSchema,
  validationError,
  type Entity,
  type EntityInput,
  type RelationshipInput,
  type RelationType,
} from '@lineage/domain';
import type { PlainProps } from './values';

/** An entity as stored: its fields plus when it last changed. */
export type StoredEntity = Entity & { updatedAt?: string };

export interface RelationshipKey {
  type: RelationType;
  from: string;
  to: string;
}

/** What an update takes away (see the domain's removals): list items and cleared fields. */
export interface Removals {
  removeAliases?: readonly string[];
  removeSources?: readonly string[];
  unset?: readonly string[];
}

const NODE_LISTS = ['aliases', 'sources'] as const;
const RELATIONSHIP_LISTS = ['sources'] as const;
const LIST_FIELDS = new Set<string>(NODE_LISTS);

/**
 * Stored props with the lists every record has, empty where the store holds none: Neo4j's
 * offline importer (offline-load.ts) cannot store an empty list, and the stored schemas read a
 * missing one as empty, so diffs and hashes must too.
 */
export function withStoredLists(props: PlainProps, of: 'node' | 'relationship'): PlainProps {
  const lists = of === 'node' ? NODE_LISTS : RELATIONSHIP_LISTS;
  if (lists.every((list) => list in props)) return props;
  const filled = { ...props };
  for (const list of lists) filled[list] ??= [];
  return filled;
}

const REMOVAL_FIELDS = new Set(['removeAliases', 'removeSources', 'unset']);

/**
 * The stored properties of the fields an input names (removals are instructions, not fields);
 * the defect's transmission is kept as a JSON string.
 */
export function entityToProps(entity: EntityInput | Entity | Record<string, unknown>): PlainProps {
  const props: PlainProps = {};
  for (const [key, value] of Object.entries(entity)) {
    if (value === undefined || REMOVAL_FIELDS.has(key)) continue;
    props[key] =
      key === 'transmission' ? transmissionJson(value as object) : (value as PlainProps[string]);
  }
  return props;
}

function transmissionJson(overrides: object): string {
  const entries = Object.entries(overrides).sort(
    ([a], [b]) => LINEAGE_RELATIONS.indexOf(a as never) - LINEAGE_RELATIONS.indexOf(b as never),
  );
  return JSON.stringify(Object.fromEntries(entries));
}

// Stored props hold the transmission as JSON, when the record last changed, and the id folded
// to lower case (idKey, see write-store.ts), which is the store's and no field of the record.
function storedFields(props: PlainProps) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { updatedAt, transmission, idKey, ...rest } = props;
  const fields = {
    ...rest,
    ...(typeof transmission === 'string' ? { transmission: JSON.parse(transmission) } : {}),
  };
  return { fields, updatedAt };
}

/** Rows read back are parsed with the stored schema, so bad data never leaks out. */
export function propsToEntity(props: PlainProps): StoredEntity {
  const { fields, updatedAt } = storedFields(props);
  const entity = storedEntitySchema.parse(fields);
  return typeof updatedAt === 'string' ? { ...entity, updatedAt } : entity;
}

/**
 * Checks what an update would leave on a node against the stored schema: merged lists may
 * outgrow their bounds, and a patch (a status change) must still describe a valid record.
 */
export function checkStoredEntity(id: string, props: PlainProps): void {
  const parsed = storedEntitySchema.safeParse(storedFields(props).fields);
  if (!parsed.success) {
    throw validationError(
      `the update of '${id}' would not be a valid record`,
      describeIssues(parsed.error),
    );
  }
}

/** The same for a relationship. */
export function checkStoredRelationship(key: RelationshipKey, props: PlainProps): void {
  const parsed = storedRelationshipSchema.safeParse({ ...key, ...props });
  if (!parsed.success) {
    throw validationError(
      `the update of ${relationshipKey(key)} would not be a valid relationship`,
      describeIssues(parsed.error),
    );
  }
}

/** The stored properties of the fields a relationship input names. */
export function relationshipToProps(relationship: RelationshipInput): PlainProps {
  const props: PlainProps = {};
  // Provenance too: how an import matched its ends (`reviewed` after lineage review) is kept.
  for (const key of [
    'declared',
    'sources',
    'evidence',
    'since',
    'validFrom',
    'validTo',
    'state',
    'justification',
    'note',
    'triagedBy',
    'triagedAt',
    'origin',
    'recordedFrom',
    'matchedBy',
  ] as const) {
    const value = relationship[key];
    if (value !== undefined) props[key] = value;
  }
  return props;
}

/**
 * An update of a stored record: given lists add to the stored ones (in order, existing first),
 * other given fields replace the stored ones, fields not given stay as they are; then the
 * removals take items out of the lists and clear the fields `unset` names.
 */
export function applyUpdate(
  existing: PlainProps,
  given: PlainProps,
  removals: Removals = {},
): PlainProps {
  const merged: PlainProps = { ...existing };
  for (const [key, value] of Object.entries(given)) {
    const before = existing[key];
    if (LIST_FIELDS.has(key) && Array.isArray(before) && Array.isArray(value)) {
      merged[key] = [...before, ...value.filter((item) => !before.includes(item))];
    } else {
      merged[key] = value;
    }
  }
  const without = (list: 'aliases' | 'sources', items: readonly string[] = []) => {
    const stored = merged[list];
    if (items.length && Array.isArray(stored))
      merged[list] = stored.filter((item) => !items.includes(item as string));
  };
  without('aliases', removals.removeAliases);
  without('sources', removals.removeSources);
  for (const field of removals.unset ?? []) delete merged[field];
  return merged;
}
