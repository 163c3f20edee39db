import { reviewInputProblems, type StoredReviewDecision } from '@lineage/core';
import type { Context } from '../../context';
import type {
  MutationRemoveReviewDecisionArgs,
  MutationReviewMatchArgs,
  QueryReviewDecisionsArgs,
} from '../../generated/graphql';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../pagination';
import { InputError, mutate } from '../mutations/mutate';

/** Each problem of the input as a userError naming its field under `input`. */
function refuseBadInput(fields: Record<string, unknown>, under: string[]) {
  const problems = reviewInputProblems(fields);
  if (problems.length)
    throw new InputError(
      problems.map((p) => ({ code: 'VALIDATION', message: p.message, field: [...under, p.field] })),
    );
}

export const reviewResolvers = {
  ReviewVerdict: { ACCEPT: 'accept', REJECT: 'reject' },
  Query: {
    reviewDecisions: async (_: unknown, args: QueryReviewDecisionsArgs, ctx: Context) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.review.list({
        first: first + 1,
        after: decodeCursor(args.after),
      });
      return connection(
        rows.slice(0, first),
        (row) => encodeCursor(row.key),
        -1,
        rows.length > first,
      );
    },
  },
  Mutation: {
    reviewMatch: (_: unknown, args: MutationReviewMatchArgs, ctx: Context) =>
      mutate(ctx, 'review', async (change) => {
        const { name, id } = args.input;
        // The enum's internal values (ReviewVerdict below) are the domain's: accept, reject.
        const verdict = args.input.verdict as unknown as 'accept' | 'reject';
        const owner = args.input.owner ?? undefined;
        const note = args.input.note ?? undefined;
        const input = { name, owner, id, note, verdict };
        refuseBadInput(input, ['input']);
        return ctx.services.review.decide(input, change.by);
      }),
    removeReviewDecision: async (
      _: unknown,
      args: MutationRemoveReviewDecisionArgs,
      ctx: Context,
    ) => ({
      // `removed` is non-null: a refused removal answers false beside its userErrors.
      removed: false,
      ...(await mutate(ctx, 'review', async (change) => {
        const named = { name: args.name, owner: args.owner ?? undefined };
        refuseBadInput({ ...named, id: 'unused', verdict: 'accept' }, []);
        const { graphVersion } = await ctx.services.review.remove(named, change.by);
        return { removed: true, graphVersion };
      })),
    }),
  },
  ReviewDecision: {
    node: (decision: StoredReviewDecision, _: unknown, ctx: Context) =>
      ctx.loaders.node.load(decision.id),
    // Token names say who holds write access: shown only to a viewer presenting a token.
    by: (decision: StoredReviewDecision, _: unknown, ctx: Context) =>
      ctx.viewer.name === undefined ? null : decision.by,
  },
};
