import { randomBytes } from 'node:crypto';
import {
  entityInputSchema,
  relationshipInputSchema,
  type DefectStatus,
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

/** Upserts one node (and its provider link) and returns it as stored. */
function upsert(kind: string | undefined, providerField: 'providerId' | 'operatorId' | undefined) {
  return (_: unknown, args: { input: Input }, ctx: Context) =>
    mutate(ctx, `upsert ${kind ?? args.input.kind}`, async (change) => {
      const { [providerField ?? '']: providerId, ...fields } = present(args.input);
      const node = parseInput(entityInputSchema, kind ? { kind, ...fields } : fields);
      const type = providerField === 'operatorId' ? 'OPERATED_BY' : 'DEVELOPED_BY';
      const owner =
        typeof providerId === 'string'
          ? link(type, node.id, providerId, { sources: node.sources })
          : undefined;
      return ctx.services.writes.upsertNode(node, owner, change);
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
    return ctx.services.writes.fileDefect(defect, origins, change);
  });
}

function setDefectStatus(_: unknown, args: { id: string; status: DefectStatus }, ctx: Context) {
  return mutate(ctx, 'setDefectStatus', (change) =>
    ctx.services.writes.setDefectStatus(args.id, args.status, change),
  );
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
        return ctx.services.writes.link(relationship, change);
      }),
    unlink: (
      _: unknown,
      args: { input: { type: string; from: string; to: string } },
      ctx: Context,
    ) =>
      mutate(ctx, 'unlink', async (change) => {
        const { type, from, to } = link(args.input.type, args.input.from, args.input.to);
        const { graphVersion } = await ctx.services.writes.unlink({ type, from, to }, change);
        return { removed: true, graphVersion };
      }),
    fileDefect,
    setDefectStatus,
    addMitigation: (_: unknown, args: { input: Input }, ctx: Context) =>
      mutate(ctx, 'addMitigation', async (change) => {
        const { defectId, nodeId, ...extra } = present(args.input);
        const relationship = link('MITIGATES', nodeId as string, defectId as string, extra);
        const summary = `${relationship.from} mitigates ${relationship.to}`;
        return ctx.services.writes.link(relationship, change, summary);
      }),
    withdrawMitigation: (_: unknown, args: { defectId: string; nodeId: string }, ctx: Context) =>
      mutate(ctx, 'withdrawMitigation', async (change) => {
        const { graphVersion } = await ctx.services.writes.unlink(
          { type: 'MITIGATES', from: args.nodeId, to: args.defectId },
          change,
          `${args.nodeId} no longer mitigates ${args.defectId}`,
        );
        return { removed: true, graphVersion };
      }),
  },
};
