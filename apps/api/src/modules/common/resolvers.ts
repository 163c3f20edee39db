import type { StoredRelationship } from '@lineage/core';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { Context } from '../../context';
import { apiError } from '../../errors';

function isoDate(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)) return value;
  }
  throw apiError('BAD_USER_INPUT', `'${String(value)}' is not a date (YYYY-MM-DD)`);
}

/** A record's provenance fields as one object; null for records written before provenance. */
export function provenanceOf(record: {
  origin?: string;
  recordedFrom?: string;
  matchedBy?: string;
}) {
  if (!record.origin && !record.recordedFrom) return null;
  return {
    origin: record.origin ?? null,
    record: record.recordedFrom ?? null,
    matchedBy: record.matchedBy ?? null,
  };
}

const literal = (ast: ValueNode) => (ast.kind === Kind.STRING ? ast.value : undefined);

export const commonResolvers = {
  Date: new GraphQLScalarType({
    name: 'Date',
    serialize: (value) => value,
    parseValue: isoDate,
    parseLiteral: (ast) => isoDate(literal(ast)),
  }),
  DateTime: new GraphQLScalarType({
    name: 'DateTime',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: (ast) => literal(ast),
  }),
  // The domain stores access in lower case; GraphQL enums are upper case by convention.
  Access: { OPEN: 'open', LIMITED: 'limited', CLOSED: 'closed' },
  Origin: { SEED: 'seed', API: 'api', IMPORT: 'import', REVIEW: 'review' },
  MatchMethod: {
    EXACT: 'exact',
    ALIAS: 'alias',
    OWNER_NAME: 'owner-name',
    INFERRED: 'inferred',
    REVIEWED: 'reviewed',
  },
  Relationship: {
    provenance: provenanceOf,
    from: (r: StoredRelationship, _: unknown, ctx: Context) => ctx.loaders.node.load(r.from),
    to: (r: StoredRelationship, _: unknown, ctx: Context) => ctx.loaders.node.load(r.to),
  },
};
