import { z } from 'zod';
import {
  CLEARABLE_FIELDS,
  datasetFields,
  defectFields,
  deploymentFields,
  modelFields,
  providerFields,
  relationshipFields,
  sourceUrl,
  text,
} from './entity-fields';
import { DEFECT_STATUSES } from './defects';
import { idProblem } from './ids';
import type { NodeKind } from './kinds';
import { isLineageRelation, type RelationType } from './relations';
import { triageProblem, type TriageJustification, type TriageState } from './triage';

export { CLEARABLE_FIELDS, transmissionOverridesSchema } from './entity-fields';

/**
 * What an update takes away: items out of its lists and optional fields cleared. Items to
 * remove are any text (a stored value that no longer passes a check must still be removable).
 */
const removals = <const F extends readonly [string, ...string[]]>(clearable: F) => ({
  removeAliases: z.array(z.string().min(1).max(300)).max(100).optional(),
  removeSources: z.array(z.string().min(1).max(2000)).max(100).optional(),
  unset: z.array(z.enum(clearable)).max(clearable.length).optional(),
});

/** A node to create or update, of any kind: an update changes only the fields it names. */
export const entityInputSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...providerFields, ...removals(CLEARABLE_FIELDS.Provider) }),
    z.strictObject({ ...modelFields, ...removals(CLEARABLE_FIELDS.Model) }),
    z.strictObject({ ...datasetFields, ...removals(CLEARABLE_FIELDS.Dataset) }),
    z.strictObject({ ...deploymentFields, ...removals(CLEARABLE_FIELDS.Deployment) }),
    z.strictObject({ ...defectFields, ...removals(CLEARABLE_FIELDS.Defect) }),
  ])
  .superRefine((entity, ctx) => {
    const problem = idProblem(entity.id, entity.kind);
    if (problem) ctx.addIssue({ code: 'custom', path: ['id'], message: problem });
    lifespanFits(entity, ctx);
    refuseContradictions(entity, ['aliases', 'sources'], ctx);
  });

/** What a new record holds for the fields its input leaves out; its lists start empty. */
export const CREATION_DEFAULTS = { verified: true, status: 'OPEN', declared: true } as const;

const storedDefaults = {
  aliases: z
    .array(text(300))
    .max(100)
    .default(() => []),
  sources: z
    .array(sourceUrl)
    .max(100)
    .default(() => []),
  verified: z.boolean().default(CREATION_DEFAULTS.verified),
};

/** A node as stored: every field a new record gets by default is present. */
export const storedEntitySchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...providerFields, ...storedDefaults }),
    z.strictObject({ ...modelFields, ...storedDefaults }),
    z.strictObject({ ...datasetFields, ...storedDefaults }),
    z.strictObject({ ...deploymentFields, ...storedDefaults }),
    z.strictObject({
      ...defectFields,
      ...storedDefaults,
      status: z.enum(DEFECT_STATUSES).default(CREATION_DEFAULTS.status),
    }),
  ])
  .superRefine((entity, ctx) => {
    const problem = idProblem(entity.id, entity.kind);
    if (problem) ctx.addIssue({ code: 'custom', path: ['id'], message: problem });
  });

export type EntityInput = z.output<typeof entityInputSchema>;
export type EntityInputDraft = z.input<typeof entityInputSchema>;
export type DefectInput = Extract<EntityInput, { kind: 'Defect' }>;
/** A node as stored (and read back). */
export type Entity = z.output<typeof storedEntitySchema>;

interface DatedRelationship {
  type: string;
  evidence?: string;
  since?: string;
  validFrom?: string;
  validTo?: string;
  state?: TriageState;
  justification?: TriageJustification;
  note?: string;
  triagedBy?: string;
  triagedAt?: string;
}

const TRIAGE_FIELDS = ['state', 'justification', 'note', 'triagedBy', 'triagedAt'] as const;

/**
 * MITIGATES alone has evidence and a start; lineage alone has a period, which must not end
 * first; TRIAGED alone has an analysis, which always names its state, who and when.
 */
function relationshipFieldsFit(relationship: DatedRelationship, ctx: z.RefinementCtx) {
  const misplaced = (field: keyof DatedRelationship, message: string) => {
    if (relationship[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message });
  };
  if (relationship.type !== 'MITIGATES') {
    misplaced('evidence', 'only MITIGATES has evidence');
    misplaced('since', 'only MITIGATES has since');
  }
  if (relationship.type !== 'TRIAGED') {
    for (const field of TRIAGE_FIELDS) misplaced(field, `only TRIAGED has ${field}`);
  } else {
    for (const field of ['state', 'triagedBy', 'triagedAt'] as const) {
      if (relationship[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `TRIAGED needs ${field}` });
      }
    }
    const problem =
      relationship.state && triageProblem(relationship.state, relationship.justification);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  }
  if (!isLineageRelation(relationship.type as RelationType)) {
    misplaced('validFrom', 'only lineage relationships have validFrom');
    misplaced('validTo', 'only lineage relationships have validTo');
  }
  const { validFrom, validTo } = relationship;
  if (validFrom && validTo && validTo <= validFrom) {
    const message = `validTo (${validTo}) must be after validFrom (${validFrom}): it is the first day the relationship no longer held`;
    ctx.addIssue({ code: 'custom', path: ['validTo'], message });
  }
}

/** A node's retirement, when both dates are given, comes after its release. */
function lifespanFits(entity: { releasedAt?: string; retiredAt?: string }, ctx: z.RefinementCtx) {
  const { releasedAt, retiredAt } = entity;
  if (releasedAt && retiredAt && retiredAt < releasedAt) {
    const message = `retiredAt (${retiredAt}) is before releasedAt (${releasedAt})`;
    ctx.addIssue({ code: 'custom', path: ['retiredAt'], message });
  }
}

/** A relationship from `from` to `to`; lineage ones point from child to parent. */
export const relationshipInputSchema = z
  .strictObject({
    ...relationshipFields,
    removeSources: removals(CLEARABLE_FIELDS.Relationship).removeSources,
    unset: removals(CLEARABLE_FIELDS.Relationship).unset,
  })
  .superRefine((relationship, ctx) => {
    relationshipFieldsFit(relationship, ctx);
    refuseContradictions(relationship, ['sources'], ctx);
  });

/** A relationship as stored: `declared` and `sources` always present. */
export const storedRelationshipSchema = z
  .strictObject({
    ...relationshipFields,
    declared: z.boolean().default(CREATION_DEFAULTS.declared),
    sources: z
      .array(sourceUrl)
      .max(100)
      .default(() => []),
  })
  .superRefine(relationshipFieldsFit);

export type RelationshipInput = z.output<typeof relationshipInputSchema>;
export type RelationshipInputDraft = z.input<typeof relationshipInputSchema>;
export type Relationship = z.output<typeof storedRelationshipSchema>;

/** An item both added and removed, or a field both set and unset, is a mistake to name. */
function refuseContradictions(
  input: object,
  lists: readonly ('aliases' | 'sources')[],
  ctx: z.RefinementCtx,
) {
  const fields = input as Record<string, unknown>;
  for (const list of lists) {
    const removeKey = list === 'aliases' ? 'removeAliases' : 'removeSources';
    const added = new Set((fields[list] as string[] | undefined) ?? []);
    ((fields[removeKey] as string[] | undefined) ?? []).forEach((item, index) => {
      if (added.has(item)) {
        const message = `'${item}' is both in ${list} and in ${removeKey}`;
        ctx.addIssue({ code: 'custom', path: [removeKey, index], message });
      }
    });
  }
  ((fields.unset as string[] | undefined) ?? []).forEach((field, index) => {
    if (fields[field] !== undefined) {
      const message = `'${field}' is both given and unset`;
      ctx.addIssue({ code: 'custom', path: ['unset', index], message });
    }
  });
}

const REMOVALS = new Set(['removeAliases', 'removeSources', 'unset']);
// The input's fields without its removals or undefined values (which would hide a default).
// Typed loosely: the spread over the defaults is what the stored schema describes, which
// schemas.test.ts checks by parsing new records with it.
const givenFields = (input: object): object =>
  Object.fromEntries(
    Object.entries(input).filter(([key, value]) => value !== undefined && !REMOVALS.has(key)),
  );

/** The record a new node starts as: its given fields over the creation defaults. */
export function newEntity(input: EntityInput): Entity {
  const status = input.kind === 'Defect' ? { status: CREATION_DEFAULTS.status } : {};
  return {
    aliases: [],
    sources: [],
    verified: CREATION_DEFAULTS.verified,
    ...status,
    ...givenFields(input),
  } as unknown as Entity;
}

/** The record a new relationship starts as: its given fields over the creation defaults. */
export function newRelationship(input: RelationshipInput): Relationship {
  return {
    declared: CREATION_DEFAULTS.declared,
    sources: [],
    ...givenFields(input),
  } as unknown as Relationship;
}

/**
 * Fields to change on a node that must already exist, of one of `kinds`, merged with the stored
 * record inside the write transaction: a write that decides from the stored state (a status
 * change) never rests on a copy read before another writer's commit.
 */
export interface NodePatch {
  id: string;
  kinds: readonly NodeKind[];
  set: Record<string, unknown>;
}

/** What a write carries: nodes and relationships, stored together or not at all. */
export interface GraphBatch {
  nodes: EntityInput[];
  relationships: RelationshipInput[];
  patches?: NodePatch[];
}

/** The key that identifies a relationship: at most one of each type between two nodes. */
export function relationshipKey(relationship: { type: string; from: string; to: string }) {
  return `${relationship.from} -[${relationship.type}]-> ${relationship.to}`;
}

/** Zod issues as `path: message` lines a person can act on. */
export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
