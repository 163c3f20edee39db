import type { LicenceFinding, NodeLicenceReport } from '@lineage/core';
import { isDomainError, LICENCES } from '@lineage/domain';
import type { Context } from '../../context';
import type { QueryLicenceCheckArgs, QueryNodeLicenceArgs } from '../../generated/graphql';
import { LIST_CAPS } from '../../list-sizes';
import { pageSize } from '../../pagination';

export const licenceResolvers = {
  Query: {
    nodeLicence: async (_: unknown, args: QueryNodeLicenceArgs, ctx: Context) => {
      try {
        return await ctx.services.licences.forNode(args.id);
      } catch (error) {
        if (isDomainError(error) && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
    licenceCheck: async (_: unknown, args: QueryLicenceCheckArgs, ctx: Context) => {
      const first = pageSize(args.first);
      const { graphVersion, checked, findings } = await ctx.services.licences.wholeGraph();
      const problems = args.kind ? findings.filter((f) => f.kind === args.kind) : findings;
      const conflicts = findings.filter((f) => f.kind === 'CONFLICTS').length;
      return {
        graphVersion,
        checked,
        count: problems.length,
        conflicts,
        drops: findings.length - conflicts,
        problems: problems.slice(0, first),
      };
    },
    licences: () => LICENCES,
  },
  NodeLicence: {
    text: (report: NodeLicenceReport) => report.node.license,
    declared: (report: NodeLicenceReport) => report.read?.declared ?? null,
    alsoNamed: (report: NodeLicenceReport) => report.read?.alsoNamed ?? [],
    inherited: (report: NodeLicenceReport) =>
      report.inherited.slice(0, LIST_CAPS.inheritedLicences),
    upstream: (report: NodeLicenceReport) => report.upstream.slice(0, LIST_CAPS.licenceProblems),
  },
  InheritedLicence: {
    licence: (inherited: NodeLicenceReport['inherited'][number]) => inherited.terms,
    from: (inherited: { from: string }, _: unknown, ctx: Context) =>
      ctx.loaders.node.load(inherited.from),
    path: (inherited: { path: string[] }, _: unknown, ctx: Context) =>
      ctx.loaders.node.loadMany(inherited.path),
  },
  LicenceProblem: {
    node: (problem: LicenceFinding, _: unknown, ctx: Context) =>
      ctx.loaders.node.load(problem.node.id),
    text: (problem: LicenceFinding) => problem.node.license ?? '',
    declared: (problem: LicenceFinding) => problem.declared ?? null,
    inherited: (problem: LicenceFinding) => problem.ancestor,
    from: (problem: LicenceFinding, _: unknown, ctx: Context) =>
      ctx.loaders.node.load(problem.from),
    path: (problem: LicenceFinding, _: unknown, ctx: Context) =>
      ctx.loaders.node.loadMany(problem.path),
  },
};
