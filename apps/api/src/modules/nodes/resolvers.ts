import { MODEL_KINDS, type KindGroup } from '@lineage/domain';
import { searchTextProblem, type ListFilter, type StoredEntity } from '@lineage/core';
import type {
  QueryDefectsArgs,
  QueryModelsArgs,
  QueryNodeArgs,
  QuerySearchArgs,
} from '../../generated/graphql';
import type { Context } from '../../context';
import { apiError } from '../../errors';
import {
  connection,
  decodeCursor,
  decodeOffset,
  encodeCursor,
  offsetCursor,
  pageSize,
} from '../../pagination';
import { defectFields, deploymentFields, developedFields, nodeFields } from './node-fields';

const byKind = (entity: StoredEntity) => entity.kind;

/** Every list's arguments: its kind's filter (the store reads the fields each kind has). */
type ListArgs = Omit<QueryModelsArgs, 'filter'> & { filter?: ListFilter | null };

function lister(group: KindGroup) {
  return async (_: unknown, args: ListArgs, ctx: Context) => {
    const first = pageSize(args.first);
    const page = await ctx.services.browse.list(group, args.filter ?? {}, {
      first,
      after: decodeCursor(args.after),
    });
    return connection(
      page.items,
      (entity) => encodeCursor(entity.id),
      page.totalCount,
      page.hasNextPage,
    );
  };
}

/** Defects in id order, or newest first (then the cursor is an offset). */
async function defects(_: unknown, args: QueryDefectsArgs, ctx: Context) {
  // GraphQL's nulls mean "left out", as the store's filter says it.
  const filter: ListFilter = Object.fromEntries(
    Object.entries(args.filter ?? {}).filter(([, value]) => value != null),
  );
  if (args.orderBy !== 'NEWEST_FIRST') return lister('Defect')(_, { ...args, filter }, ctx);
  const first = pageSize(args.first);
  const offset = decodeOffset(args.after);
  const page = await ctx.services.browse.list('Defect', filter, {
    first,
    offset,
    order: 'NEWEST_FIRST',
  });
  return connection(
    page.items,
    (_entity, i) => offsetCursor(offset + i),
    page.totalCount,
    page.hasNextPage,
  );
}

export const nodeResolvers = {
  Query: {
    node: (_: unknown, args: QueryNodeArgs, ctx: Context) => ctx.loaders.node.load(args.id),
    search: async (_: unknown, args: QuerySearchArgs, ctx: Context) => {
      const problem = searchTextProblem(args.text);
      if (problem) throw apiError('BAD_USER_INPUT', `text: ${problem}`, { argument: 'text' });
      const first = pageSize(args.first);
      const offset = decodeOffset(args.after);
      const page = await ctx.services.browse.search(args.text, {
        kinds: args.kinds ?? undefined,
        first,
        offset,
      });
      const hits = page.items.map(({ entity, score, match }) => ({ node: entity, score, match }));
      return {
        ...connection(
          hits,
          (_hit, i) => offsetCursor(offset + i),
          page.totalCount,
          page.hasNextPage,
        ),
        byKind: page.byKind,
        totalCountCapped: page.capped,
      };
    },
    providers: lister('Provider'),
    models: lister('Model'),
    datasets: lister('Dataset'),
    deployments: lister('Deployment'),
    defects,
  },
  Node: { __resolveType: byKind },
  LineageNode: { __resolveType: byKind },
  Model: { __resolveType: byKind },
  Provider: nodeFields,
  Dataset: developedFields,
  Deployment: deploymentFields,
  Defect: defectFields,
  ...Object.fromEntries(MODEL_KINDS.map((kind) => [kind, developedFields])),
};
