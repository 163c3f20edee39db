import { randomBytes } from 'node:crypto';
import {
  entityInputSchema,
  relationshipInputSchema,
  relationshipKey,
  type GraphBatch,
  type RelationshipInput,
} from '@lineage/domain';
import type { Context } from '../../context';
import { fieldEnumResolvers } from './field-enums';
import { mutate, parseInput } from './mutate';

type Input = Record<string, unknown>;

/** GraphQL sends null for fields left out; the domain's schemas want them absent. */
function present(input: Input): Input {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  );
}

function link(type: string, from: string, to: string, extra: Input = {}): RelationshipInput {
  return parseInput(relationshipInputSchema, present({ type, from, to, ...extra }));
}

/** The relationship as stored after a write (linking again keeps what the input left out). */
async function storedRelationship(ctx: Context, relationship: RelationshipInput) {
  const outgoing = (await ctx.store.outgoingOf([relationship.from])).get(relationship.from) ?? [];
  const key = relationshipKey(relationship);
  return outgoing.find((stored) => relationshipKey(stored) === key) ?? null;
}

/** Upserts one node (and its provider link) and returns it as stored. */
function upsert(kind: string | undefined, providerField: 'providerId' | 'operatorId' | undefined) {
  return (_: unknown, args: { input: Input }, ctx: Context) =>
    mutate(ctx, `upsert ${kind ?? args.input.kind}`, async (change) => {
      const { [providerField ?? '']: providerId, ...fields } = present(args.input);
      const node = parseInput(entityInputSchema, kind ? { kind, ...fields } : fields);
      const relationships: RelationshipInput[] = [];
      if (typeof providerId === 'string') {
        const type = providerField === 'operatorId' ? 'OPERATED_BY' : 'DEVELOPED_BY';
        relationships.push(link(type, node.id, providerId, { sources: node.sources }));
      }
      const report = await ctx.store.write(
        { nodes: [node], relationships },
        { ...change, summary: `${node.kind} ${node.id}` },
      );
      return { node: await ctx.store.getEntity(node.id), graphVersion: report.graphVersion };
    });
}

function fileDefect(_: unknown, args: { input: Input }, ctx: Context) {
  return mutate(ctx, 'fileDefect', async (change) => {
    const { originIds, transmission, id, ...fields } = present(args.input);
    const defectId =
      (id as string | undefined) ??
      `defect:FMD-${new Date().getUTCFullYear()}-${randomBytes(4).toString('hex')}`;
    // Overrides left out stay as stored; given, they replace the stored ones as a whole.
    const overrides = transmission
      ? {
          transmission: Object.fromEntries(
            (transmission as { relation: string; level: string }[]).map((o) => [
              o.relation,
              o.level,
            ]),
          ),
        }
      : {};
    const defect = parseInput(entityInputSchema, {
      ...fields,
      ...overrides,
      id: defectId,
      kind: 'Defect',
    });
    const origins = (originIds as string[]).map((origin) =>
      link('AFFECTS', defect.id, origin, { sources: defect.sources }),
    );
    const batch: GraphBatch = { nodes: [defect], relationships: origins };
    const report = await ctx.store.write(batch, {
      ...change,
      summary: `defect ${defect.id} on ${origins.length} origin(s)`,
    });
    return { defect: await ctx.store.getEntity(defect.id), graphVersion: report.graphVersion };
  });
}

/** A patch merged with the stored defect under the write lock: nothing else is rewritten. */
function setDefectStatus(_: unknown, args: { id: string; status: string }, ctx: Context) {
  return mutate(ctx, 'setDefectStatus', async (change) => {
    const report = await ctx.store.write(
      {
        nodes: [],
        relationships: [],
        patches: [{ id: args.id, kinds: ['Defect'], set: { status: args.status } }],
      },
      { ...change, summary: `${args.id} is now ${args.status}` },
    );
    return { defect: await ctx.store.getEntity(args.id), graphVersion: report.graphVersion };
  });
}

/** Links (or links again, updating) one relationship and returns it as stored. */
function writeRelationship(ctx: Context, relationship: RelationshipInput, summary: string) {
  return async (change: Parameters<Parameters<typeof mutate>[2]>[0]) => {
    const report = await ctx.store.write(
      { nodes: [], relationships: [relationship] },
      { ...change, summary },
    );
    return {
      relationship: await storedRelationship(ctx, relationship),
      graphVersion: report.graphVersion,
    };
  };
}

export const mutationResolvers = {
  ...fieldEnumResolvers,
  Mutation: {
    upsertProvider: upsert('Provider', undefined),
    upsertModel: upsert(undefined, 'providerId'),
    upsertDataset: upsert('Dataset', 'providerId'),
    upsertDeployment: upsert('Deployment', 'operatorId'),
    link: (_: unknown, args: { input: Input }, ctx: Context) =>
      mutate(ctx, 'link', async (change) => {
        const { type, from, to, ...extra } = args.input;
        const relationship = link(type as string, from as string, to as string, extra);
        const summary = `${relationship.from} -[${relationship.type}]-> ${relationship.to}`;
        return writeRelationship(ctx, relationship, summary)(change);
      }),
    unlink: (
      _: unknown,
      args: { input: { type: string; from: string; to: string } },
      ctx: Context,
    ) =>
      mutate(ctx, 'unlink', async (change) => {
        const { type, from, to } = link(args.input.type, args.input.from, args.input.to);
        const report = await ctx.store.removeRelationships([{ type, from, to }], {
          ...change,
          summary: `removed ${from} -[${type}]-> ${to}`,
        });
        return { removed: true, graphVersion: report.graphVersion };
      }),
    fileDefect,
    setDefectStatus,
    addMitigation: (_: unknown, args: { input: Input }, ctx: Context) =>
      mutate(ctx, 'addMitigation', async (change) => {
        const { defectId, nodeId, ...extra } = present(args.input);
        const relationship = link('MITIGATES', nodeId as string, defectId as string, extra);
        const summary = `${relationship.from} mitigates ${relationship.to}`;
        return writeRelationship(ctx, relationship, summary)(change);
      }),
    withdrawMitigation: (_: unknown, args: { defectId: string; nodeId: string }, ctx: Context) =>
      mutate(ctx, 'withdrawMitigation', async (change) => {
        const report = await ctx.store.removeRelationships(
          [{ type: 'MITIGATES', from: args.nodeId, to: args.defectId }],
          { ...change, summary: `${args.nodeId} no longer mitigates ${args.defectId}` },
        );
        return { removed: true, graphVersion: report.graphVersion };
      }),
  },
};
