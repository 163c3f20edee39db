import type { Context } from '../../context';
import { apiError } from '../../errors';
import { LIST_CAPS } from '../../list-sizes';
import type {
  QueryBlastRadiusArgs,
  QueryLineageArgs,
  QueryPathArgs,
} from '../../generated/graphql';
import { pageSize } from '../../pagination';

const MAX_VIEW_DEPTH = 20;

function checkRange(name: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw apiError('BAD_USER_INPUT', `${name} must be between ${min} and ${max}, got ${value}`, {
      argument: name,
    });
  }
}

export const lineageResolvers = {
  Query: {
    lineage: async (_: unknown, args: QueryLineageArgs, ctx: Context) => {
      checkRange('maxNodes', args.maxNodes, 1, LIST_CAPS.lineageMaxNodes);
      checkRange('depth', args.depth, 1, MAX_VIEW_DEPTH);
      const { focus, view } = await ctx.services.browse.lineage(args.id, {
        direction: args.direction,
        depth: args.depth,
        relations: args.relations ?? undefined,
        maxNodes: args.maxNodes,
        asOf: args.asOf ?? undefined,
      });
      // Edges are capped too (as the cost limit prices them): merges can link many nodes.
      const maxEdges = args.maxNodes * LIST_CAPS.lineageEdgesPerNode;
      return {
        focus,
        nodes: view.nodes.map((node) => ({
          id: node.id,
          distance: node.distance,
          side: node.direction,
        })),
        edges: view.edges.slice(0, maxEdges),
        truncated: view.truncated || view.edges.length > maxEdges,
      };
    },
    path: async (_: unknown, args: QueryPathArgs, ctx: Context) => {
      const chain = await ctx.services.browse.path(args.from, args.to, args.asOf ?? undefined);
      if (!chain) return null;
      return {
        nodes: ctx.loaders.node.loadMany(chain.ids),
        relationships: chain.relationships,
        length: chain.relationships.length,
      };
    },
    blastRadius: async (_: unknown, args: QueryBlastRadiusArgs, ctx: Context) => {
      const rows = await ctx.services.browse.blastRadius(
        pageSize(args.first),
        args.asOf ?? undefined,
      );
      return rows.map((row) => ({
        model: () => ctx.loaders.node.load(row.id),
        deployments: row.deployments,
        knownMonthlyUsers: row.knownUsers,
        deploymentsWithUnknownUsers: row.unknownUsers,
      }));
    },
  },
  LineageGraphNode: {
    node: (row: { id: string }, _: unknown, ctx: Context) => ctx.loaders.node.load(row.id),
  },
};
