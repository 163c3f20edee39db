import type { Context } from '../../context';
import type { QueryChangesArgs } from '../../generated/graphql';
import { connection, decodeCount, encodeCursor, pageSize } from '../../pagination';

export const metaResolvers = {
  Query: {
    stats: async (_: unknown, __: unknown, ctx: Context) => {
      const stats = await ctx.services.browse.stats();
      const cache = ctx.readCache.stats();
      return {
        ...stats,
        readCache: { ...cache, graphVersion: cache.version, entries: cache.size },
      };
    },
    changes: async (_: unknown, args: QueryChangesArgs, ctx: Context) => {
      const first = pageSize(args.first);
      const before = decodeCount(args.after, /^(\d{1,16})$/, 'the audit trail');
      const rows = await ctx.services.browse.changes(first + 1, before);
      const items = rows
        .slice(0, first)
        .map((row) => ({ relationshipsRemoved: 0, nodesRemoved: 0, ...row }));
      return connection(
        items,
        (row) => encodeCursor(String(row.graphVersion)),
        -1,
        rows.length > first,
      );
    },
  },
  Change: {
    // Token names say who holds write access: shown only to a viewer presenting a token.
    by: (change: { by: string }, _: unknown, ctx: Context) =>
      ctx.viewer.name === undefined ? null : change.by,
  },
};
