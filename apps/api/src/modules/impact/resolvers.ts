import {
  triageSummary,
  type AsOf,
  type ExposureRow,
  type ExposureWindow,
  type Triage,
} from '@lineage/core';
import type { ExposedRow, ImpactFilter, ImpactView, PathHop } from '@lineage/domain';
import type { Context } from '../../context';
import { apiError } from '../../errors';
import { LIST_CAPS } from '../../list-sizes';
import { connection, decodeOffset, offsetCursor, pageSize } from '../../pagination';
import type {
  QueryChangesBetweenArgs,
  QueryExposureArgs,
  QueryImpactArgs,
  QueryWhatIfArgs,
} from '../../generated/graphql';
import { knownIds } from './known-ids';

/** What impact and whatIf share: the page, its filter and the depth limit. */
type PageArgs = Pick<QueryImpactArgs, 'first' | 'after' | 'minLevel' | 'kinds' | 'maxDepth'> &
  Partial<Pick<QueryImpactArgs, 'distance' | 'relation'>>;

function maxDepthOf(args: PageArgs): number | undefined {
  const depth = args.maxDepth ?? undefined;
  if (depth !== undefined && (!Number.isInteger(depth) || depth < 0 || depth > 100)) {
    throw apiError('BAD_USER_INPUT', `maxDepth must be between 0 and 100, got ${depth}`, {
      argument: 'maxDepth',
    });
  }
  return depth;
}

/**
 * The Impact object: each field is computed only when asked for. `triage` (a filed defect's)
 * gives each row its node's triage, and the summary; a what-if has none.
 */
function impactResult(
  view: ImpactView,
  asOf: AsOf,
  args: PageArgs,
  subject: object,
  triage?: Map<string, Triage>,
) {
  const withTriage = (rows: ExposedRow[]) =>
    rows.map((row) => ({ ...row, triage: triage?.get(row.id) ?? null }));
  const first = pageSize(args.first);
  const offset = decodeOffset(args.after);
  const filter: ImpactFilter = {
    minLevel: args.minLevel ?? undefined,
    kinds: args.kinds ?? undefined,
    distance: args.distance ?? undefined,
    relation: args.relation ?? undefined,
  };
  return {
    asOf: asOf.date,
    defect: null,
    hypothesis: null,
    ...subject,
    totals: () => ({
      ...view.totals(),
      byDistance: () => view.byDistance(),
      byRelation: () => view.byRelation(),
    }),
    mitigated: () => withTriage(view.mitigated().slice(0, LIST_CAPS.mitigations)),
    // The most exposed first: the view orders deployments by level, then distance.
    deploymentsByProvider: (_: unknown, ctx: Context) =>
      groupByProvider(
        withTriage(view.deployments().slice(0, LIST_CAPS.deploymentsByProvider)),
        ctx,
      ),
    triage: () => (triage ? triageSummary(view, triage) : null),
    exposed: () => {
      const page = view.page(filter, offset, first);
      return connection(
        withTriage(page.rows),
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

const exposureOf =
  (ctx: Context) =>
  ({ defectId, row, since, windows, stoppedBy, triage }: ExposureRow) => ({
    ...row,
    since,
    triage: triage ?? null,
    stoppedBy: () => ctx.loaders.node.loadMany(stoppedBy),
    windows: windows.slice(-LIST_CAPS.exposureWindows),
    defect: () => ctx.loaders.node.load(defectId),
  });

const nodeOf = (row: ExposedRow, _: unknown, ctx: Context) => ctx.loaders.node.load(row.id);
const pathOf = (row: ExposedRow, _: unknown, ctx: Context) => ctx.loaders.node.loadMany(row.path);

export const impactResolvers = {
  Query: {
    impact: async (_: unknown, args: QueryImpactArgs, ctx: Context) => {
      const { context, view, asOf } = await ctx.services.impact.impactOfDefect(args.defectId, {
        maxDepth: maxDepthOf(args),
        asOf: args.asOf ?? undefined,
        disclosedOnly: args.disclosedOnly ?? false,
      });
      return impactResult(view, asOf, args, { defect: context.defect }, context.triage);
    },
    whatIf: async (_: unknown, args: QueryWhatIfArgs, ctx: Context) => {
      const assumed = await knownIds(ctx, 'assumeMitigations', args.assumeMitigations ?? [], {
        max: LIST_CAPS.mitigations,
      });
      const { view, asOf } = await ctx.services.impact.whatIf(args.nodeId, args.category, assumed, {
        maxDepth: maxDepthOf(args),
        asOf: args.asOf ?? undefined,
      });
      const hypothesis = {
        origin: () => ctx.loaders.node.load(args.nodeId),
        category: args.category,
        severity: args.severity,
      };
      return impactResult(view, asOf, args, { hypothesis });
    },
    exposure: async (_: unknown, args: QueryExposureArgs, ctx: Context) => {
      const { rows } = await ctx.services.impact.exposure(args.nodeId, {
        asOf: args.asOf ?? undefined,
        disclosedOnly: args.disclosedOnly ?? false,
        includeStopped: args.includeStopped ?? false,
      });
      return rows.slice(0, LIST_CAPS.exposure).map(exposureOf(ctx));
    },
    changesBetween: async (_: unknown, args: QueryChangesBetweenArgs, ctx: Context) => {
      const changes = await ctx.services.impact.changesBetween(args.from, args.to);
      return {
        from: changes.from,
        to: changes.to,
        relationships: changes.relationships.slice(0, LIST_CAPS.changes),
        exposures: changes.exposures.slice(0, LIST_CAPS.changes).map((change) => ({
          change: change.change,
          level: change.level,
          defect: () => ctx.loaders.node.load(change.defectId),
          deployment: () => ctx.loaders.node.load(change.deploymentId),
        })),
        exposureCount: changes.exposures.length,
      };
    },
  },
  ExposedNode: { node: nodeOf, path: pathOf },
  PathHop: { node: (hop: PathHop, _: unknown, ctx: Context) => ctx.loaders.node.load(hop.to) },
  Exposure: { path: pathOf },
  ExposureWindow: {
    path: (window: ExposureWindow, _: unknown, ctx: Context) =>
      ctx.loaders.node.loadMany(window.path),
  },
};
