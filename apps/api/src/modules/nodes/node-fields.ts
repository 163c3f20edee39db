import { LINEAGE_RELATIONS, type RelationType } from '@lineage/domain';
import type { StoredEntity, StoredRelationship } from '@lineage/core';
import type { Context } from '../../context';
import type {
  LineageNodeChildrenArgs,
  NodeIncomingArgs,
  NodeOutgoingArgs,
} from '../../generated/graphql';
import { LIST_CAPS } from '../../list-sizes';
import { provenanceOf } from '../common/resolvers';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../pagination';

type Entity = StoredEntity;
const LINEAGE: RelationType[] = [...LINEAGE_RELATIONS];

/** At most LIST_CAPS.outgoing, in type and id order (as the store reads them). */
async function outgoing(entity: Entity, ctx: Context, types?: RelationType[] | null) {
  const all = await ctx.loaders.outgoing.load(entity.id);
  const chosen = types?.length ? all.filter((r) => types.includes(r.type)) : all;
  return chosen.slice(0, LIST_CAPS.outgoing);
}

async function incoming(entity: Entity, ctx: Context, args: NodeIncomingArgs) {
  const first = pageSize(args.first);
  const page = await ctx.loaders.incomingPage(entity.id, {
    types: args.types ?? undefined,
    first: first + 1,
    after: decodeCursor(args.after),
  });
  const items = page.relationships.slice(0, first);
  return connection(
    items,
    (r: StoredRelationship) => encodeCursor(page.cursorOf(r)),
    page.totalCount,
    page.relationships.length > first,
  );
}

async function linked(entity: Entity, ctx: Context, type: RelationType) {
  const [first] = await outgoing(entity, ctx, [type]);
  return first ? ctx.loaders.node.load(first.to) : null;
}

/** Fields every node has. */
export const nodeFields = {
  provenance: provenanceOf,
  outgoing: (entity: Entity, args: NodeOutgoingArgs, ctx: Context) =>
    outgoing(entity, ctx, args.types),
  incoming: (entity: Entity, args: NodeIncomingArgs, ctx: Context) => incoming(entity, ctx, args),
};

/** Fields of models, datasets and deployments. */
export const lineageFields = {
  ...nodeFields,
  parents: (entity: Entity, _: unknown, ctx: Context) => outgoing(entity, ctx, LINEAGE),
  children: (entity: Entity, args: LineageNodeChildrenArgs, ctx: Context) =>
    incoming(entity, ctx, { ...args, types: LINEAGE }),
};

/** Models and datasets: their developer. */
export const developedFields = {
  ...lineageFields,
  provider: (entity: Entity, _: unknown, ctx: Context) => linked(entity, ctx, 'DEVELOPED_BY'),
};

export const deploymentFields = {
  ...lineageFields,
  operator: (entity: Entity, _: unknown, ctx: Context) => linked(entity, ctx, 'OPERATED_BY'),
};

export const defectFields = {
  ...nodeFields,
  transmission: (entity: Extract<Entity, { kind: 'Defect' }>) =>
    Object.entries(entity.transmission ?? {}).map(([relation, level]) => ({ relation, level })),
  origins: async (entity: Entity, _: unknown, ctx: Context) => {
    const affects = await outgoing(entity, ctx, ['AFFECTS']);
    return ctx.loaders.node.loadMany(affects.slice(0, LIST_CAPS.origins).map((r) => r.to));
  },
  mitigations: async (entity: Entity, _: unknown, ctx: Context) => {
    const page = await ctx.loaders.incomingPage(entity.id, {
      types: ['MITIGATES'],
      first: LIST_CAPS.mitigations,
    });
    return page.relationships.map((r) => ({
      node: () => ctx.loaders.node.load(r.from),
      defect: entity,
      evidence: r.evidence ?? null,
      since: r.since ?? null,
      sources: r.sources,
    }));
  },
};
