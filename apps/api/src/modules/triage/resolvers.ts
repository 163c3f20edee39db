import { stopsPropagation, triageInputSchema } from '@lineage/domain';
import type { StoredRelationship, Triage } from '@lineage/core';
import type { Context } from '../../context';
import { orUndefined } from '../common/absent';
import type {
  MutationClearTriageArgs,
  MutationSetTriageArgs,
  QueryTriageArgs,
} from '../../generated/graphql';
import { mutate, parseInput } from '../mutations/mutate';

export const triageResolvers = {
  Query: {
    triage: async (_: unknown, args: QueryTriageArgs, ctx: Context) => {
      const outgoing = await ctx.loaders.outgoing.load(args.nodeId);
      return outgoing.find((r) => r.type === 'TRIAGED' && r.to === args.defectId) ?? null;
    },
  },
  Mutation: {
    setTriage: (_: unknown, args: MutationSetTriageArgs, ctx: Context) =>
      mutate(ctx, 'setTriage', async (change) => {
        const { input } = args;
        const triage = parseInput(triageInputSchema, {
          defectId: input.defectId,
          nodeId: input.nodeId,
          state: input.state,
          justification: orUndefined(input.justification),
          note: orUndefined(input.note),
        });
        const { relationship, graphVersion } = await ctx.services.writes.setTriage(triage, change);
        return { triage: relationship, graphVersion };
      }),
    clearTriage: async (_: unknown, args: MutationClearTriageArgs, ctx: Context) => ({
      // `removed` is non-null: a refused removal answers false beside its userErrors.
      removed: false,
      ...(await mutate(ctx, 'clearTriage', async (change) => {
        const { graphVersion } = await ctx.services.writes.clearTriage(
          args.defectId,
          args.nodeId,
          change,
        );
        return { removed: true, graphVersion };
      })),
    }),
  },
  Triage: {
    defect: (t: Triage, _: unknown, ctx: Context) => ctx.loaders.node.load(t.to),
    node: (t: Triage, _: unknown, ctx: Context) => ctx.loaders.node.load(t.from),
    // Who, like the audit trail's `by`, only for requests with a token.
    by: (t: Triage, _: unknown, ctx: Context) =>
      ctx.viewer.name === undefined ? null : t.triagedBy,
    at: (t: Triage) => t.triagedAt,
    justification: (t: Triage) => t.justification ?? null,
    note: (t: Triage) => t.note ?? null,
    stopsPropagation: (t: Triage) => stopsPropagation(t.state),
  },
  Relationship: {
    triage: (r: StoredRelationship) => (r.type === 'TRIAGED' ? r : null),
  },
};
