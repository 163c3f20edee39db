import type { ExposedRow, ImpactFilter, ImpactView } from '@lineage/domain';
import type { Context } from '../../context';
import { apiError } from '../../errors';
import { LIST_CAPS } from '../../list-sizes';
import { connection, decodeOffset, offsetCursor, pageSize } from '../../pagination';
import type { QueryExposureArgs, QueryImpactArgs, QueryWhatIfArgs } from '../../generated/graphql';
import { knownIds } from './known-ids';

/** What impact and whatIf share: the page, its filter and the depth limit. */
type PageArgs = Pick<QueryImpactArgs, 'first' | 'after' | 'minLevel' | 'kinds' | 'maxDepth'>;

function maxDepthOf(args: PageArgs): number | undefined {
  const depth = args.maxDepth ?? undefined;
  if (depth !== undefined && (!Number.isInteger(depth) || depth < 0 || depth > 100)) {
    throw apiError('BAD_USER_INPUT', `maxDepth must be between 0 and 100, got ${depth}`, {
      argument: 'maxDepth',
    });
  }
  return depth;
}

/** The Impact object: each field is computed only when asked for. */
function impactResult(view: ImpactView, args: PageArgs, subject: object) {
  const first = pageSize(args.first);
  const offset = decodeOffset(args.after);
  const filter: ImpactFilter = {
    minLevel: args.minLevel ?? undefined,
    kinds: args.kinds ?? undefined,
  };
  return {
    defect: null,
    hypothesis: null,
    ...subject,
    totals: () => view.totals(),
    mitigated: () => view.mitigated().slice(0, LIST_CAPS.mitigations),
    // The most exposed first: the view orders deployments by level, then distance.
    deploymentsByProvider: (_: unknown, ctx: Context) =>
      groupByProvider(view.deployments().slice(0, LIST_CAPS.deploymentsByProvider), ctx),
    exposed: () => {
      const page = view.page(filter, offset, first);
      return connection(
        page.rows,
        (_row, i) => offsetCursor(offset + i),
        page.totalCount,
        page.hasNextPage,
      );
    },
  };
}

async function groupByProvider(deployments: ExposedRow[], ctx: Context) {
  const operators = await ctx.services.browse.operatorsOf(deployments.map((row) => row.id));
  const groups = new Map<string | null, ExposedRow[]>();
  for (const row of deployments) {
    for (const provider of operators.get(row.id) ?? [null]) {
      const group = groups.get(provider);
      if (group) group.push(row);
      else groups.set(provider, [row]);
    }
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => y.length - x.length || String(a).localeCompare(String(b)))
    .map(([provider, rows]) => ({
      provider: provider ? () => ctx.loaders.node.load(provider) : null,
      deployments: rows,
    }));
}

const nodeOf = (row: ExposedRow, _: unknown, ctx: Context) => ctx.loaders.node.load(row.id);
const pathOf = (row: ExposedRow, _: unknown, ctx: Context) => ctx.loaders.node.loadMany(row.path);

export const impactResolvers = {
  Query: {
    impact: async (_: unknown, args: QueryImpactArgs, ctx: Context) => {
      const { context, view } = await ctx.services.impact.impactOfDefect(
        args.defectId,
        maxDepthOf(args),
      );
      return impactResult(view, args, { defect: context.defect });
    },
    whatIf: async (_: unknown, args: QueryWhatIfArgs, ctx: Context) => {
      const assumed = await knownIds(ctx, 'assumeMitigations', args.assumeMitigations ?? [], {
        max: LIST_CAPS.mitigations,
      });
      const view = await ctx.services.impact.whatIf(
        args.nodeId,
        args.category,
        assumed,
        maxDepthOf(args),
      );
      const hypothesis = {
        origin: () => ctx.loaders.node.load(args.nodeId),
        category: args.category,
        severity: args.severity,
      };
      return impactResult(view, args, { hypothesis });
    },
    exposure: async (_: unknown, args: QueryExposureArgs, ctx: Context) => {
      const rows = await ctx.services.impact.exposure(args.nodeId);
      return rows.slice(0, LIST_CAPS.exposure).map(({ defectId, row }) => ({
        ...row,
        defect: () => ctx.loaders.node.load(defectId),
      }));
    },
  },
  ExposedNode: { node: nodeOf, path: pathOf },
  Exposure: { path: pathOf },
};
