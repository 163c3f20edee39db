import {
  entityInputSchema,
  idProblem,
  MAX_ID_LENGTH,
  relationshipInputSchema,
  type EntityInput,
  type NodeKind,
  type RelationshipInput,
} from '@lineage/domain';
import { parseRecord } from '../parse-record';

/*
 * The records an HF import writes, a million at a time. Their values are checked by how they
 * are made (repo ids passed isRepoId when read, URLs are the hub's), so most need no schema
 * parse: one that fits by construction is built as the schema would return it (same fields,
 * same order); any other goes through parseRecord, which refuses it with the same error as
 * always. hf-records.test.ts parses every record of random plans to show they are the same.
 */

const RECORDED_FROM_MAX = 500;

const fitsId = (id: unknown): id is string =>
  typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;

// The schema trims provenance; a value that trimming would change is left to it.
const fitsRecordedFrom = (recordedFrom: string) =>
  recordedFrom.length <= RECORDED_FROM_MAX && recordedFrom.trim() === recordedFrom;

interface Provenance {
  origin: 'import';
  recordedFrom: string;
}

/** A provider node of a hub owner. */
export function providerNode(
  fields: { id: string; name: string; sources: string[] } & Provenance,
  at: string,
): EntityInput {
  const { id, name, sources, origin, recordedFrom } = fields;
  if (fitsId(id) && !idProblem(id, 'Provider') && fitsRecordedFrom(recordedFrom))
    return { kind: 'Provider', id, name, sources, origin, recordedFrom };
  return parseRecord(entityInputSchema, { kind: 'Provider', ...fields }, at);
}

/** A model node; one with card facts (licence, release) is parsed, they come from the card. */
export function modelNode(
  fields: {
    id: string;
    kind: NodeKind;
    name: string;
    access: 'open';
    license?: string;
    releasedAt?: string;
    sources: string[];
  } & Provenance,
  at: string,
): EntityInput {
  const { id, kind, name, sources, origin, recordedFrom, access } = fields;
  if (
    fields.license === undefined &&
    fields.releasedAt === undefined &&
    fitsId(id) &&
    !idProblem(id, kind) &&
    fitsRecordedFrom(recordedFrom)
  )
    return { kind, id, name, sources, origin, recordedFrom, access } as EntityInput;
  return parseRecord(entityInputSchema, fields, at);
}

/** A relationship between two ids of the plan (a lineage link, DEVELOPED_BY or a tie). */
export function hfRelationship(
  fields: {
    type: RelationshipInput['type'];
    from: string;
    to: string;
    declared?: false;
    sources: string[];
    origin: 'import';
    recordedFrom: string;
    matchedBy: 'exact' | 'inferred';
  },
  at: string,
): RelationshipInput {
  const { type, from, to, declared, sources, origin, recordedFrom, matchedBy } = fields;
  if (fitsId(from) && fitsId(to) && fitsRecordedFrom(recordedFrom))
    return declared === undefined
      ? { type, from, to, sources, origin, recordedFrom, matchedBy }
      : { type, from, to, declared, sources, origin, recordedFrom, matchedBy };
  return parseRecord(relationshipInputSchema, fields, at);
}
