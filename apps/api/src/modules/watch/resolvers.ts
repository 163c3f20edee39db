import type { StoredWatch, WatchedExposure } from '@lineage/core';
import type { Context } from '../../context';
import { orUndefined } from '../common/absent';
import type {
  MutationUnwatchArgs,
  MutationWatchArgs,
  QueryWatchedExposuresArgs,
  QueryWatchesArgs,
} from '../../generated/graphql';
import { LIST_CAPS } from '../../list-sizes';
import { mutate } from '../mutations/mutate';

export const watchResolvers = {
  Query: {
    watches: (_: unknown, args: QueryWatchesArgs, ctx: Context) =>
      ctx.services.watches.list({ owner: orUndefined(args.owner), tag: orUndefined(args.tag) }),
    watchedExposures: async (_: unknown, args: QueryWatchedExposuresArgs, ctx: Context) => {
      const { asOf, exposures, watches } = await ctx.services.watches.openExposures({
        owner: orUndefined(args.owner),
        tag: orUndefined(args.tag),
        asOf: orUndefined(args.asOf),
        disclosedOnly: args.disclosedOnly ?? false,
      });
      return {
        asOf: asOf.date,
        watched: watches.length,
        count: exposures.length,
        untriaged: exposures.filter(({ exposure }) => !exposure.triage).length,
        exposures: exposures.slice(0, LIST_CAPS.watchedExposures),
      };
    },
  },
  Mutation: {
    watch: (_: unknown, args: MutationWatchArgs, ctx: Context) =>
      mutate(ctx, 'watch', (change) =>
        ctx.services.watches.watch(
          {
            deploymentId: args.input.deploymentId,
            owner: args.input.owner,
            contact: orUndefined(args.input.contact),
            tags: orUndefined(args.input.tags),
          },
          change,
        ),
      ),
    unwatch: async (_: unknown, args: MutationUnwatchArgs, ctx: Context) => ({
      // `removed` is non-null: a refused removal answers false beside its userErrors.
      removed: false,
      ...(await mutate(ctx, 'unwatch', async (change) => {
        const { graphVersion } = await ctx.services.watches.unwatch(args.deploymentId, change);
        return { removed: true, graphVersion };
      })),
    }),
  },
  Watch: {
    deployment: (watch: StoredWatch, _: unknown, ctx: Context) =>
      ctx.loaders.node.load(watch.deploymentId),
    // Whom to tell and who marked it, like the audit trail's `by`, only for requests with a token.
    contact: (watch: StoredWatch, _: unknown, ctx: Context) =>
      ctx.viewer.name === undefined ? null : (watch.contact ?? null),
    by: (watch: StoredWatch, _: unknown, ctx: Context) =>
      ctx.viewer.name === undefined ? null : watch.by,
  },
  WatchedExposure: {
    deployment: ({ watch }: WatchedExposure, _: unknown, ctx: Context) =>
      ctx.loaders.node.load(watch.deploymentId),
    defect: ({ defect }: WatchedExposure) => defect,
    level: ({ exposure }: WatchedExposure) => exposure.row.level,
    distance: ({ exposure }: WatchedExposure) => exposure.row.distance,
    path: ({ exposure }: WatchedExposure, _: unknown, ctx: Context) =>
      ctx.loaders.node.loadMany(exposure.row.path),
    since: ({ exposure }: WatchedExposure) => exposure.since,
    triage: ({ exposure }: WatchedExposure) => exposure.triage ?? null,
  },
};
