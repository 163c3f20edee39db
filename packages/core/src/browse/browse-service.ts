import { notFound, type KindGroup, type NodeKind, type RelationType } from '@lineage/domain';
import type {
  Direction,
  GraphStore,
  LineageViewOptions,
  ListFilter,
  ListPage,
  StoredEntity,
} from '@lineage/graph-store';
import { resolveAsOf } from '../time/as-of';

/**
 * Reading the graph: nodes and their relationships, lists, search, the lineage around a node,
 * chains between two, the blast-radius ranking, counts and the audit trail. Every reader (the
 * API's resolvers and loaders, the CLI) comes through here, never to the store itself.
 */
export class BrowseService {
  constructor(private readonly store: GraphStore) {}

  graphVersion = () => this.store.graphVersion();
  nodes = (ids: string[]) => this.store.getEntities(ids);
  outgoing = (ids: string[]) => this.store.outgoingOf(ids);
  incomingPage = (id: string, options: { types?: RelationType[]; first: number; after?: string }) =>
    this.store.incomingPage(id, options);
  list = (group: KindGroup, filter: ListFilter, page: ListPage) =>
    this.store.list(group, filter, page);
  search = (text: string, options: { kinds?: NodeKind[]; first: number; offset: number }) =>
    this.store.search(text, options);
  operatorsOf = (deploymentIds: string[]) => this.store.operatorsOf(deploymentIds);
  /** Base models by the deployments downstream of them, over the lineage as of `asOf` (today). */
  blastRadius = (first: number, asOf?: string) =>
    this.store.blastRadius(first, resolveAsOf(asOf).date);
  /** The audit trail, newest first, before the graph version `before` when given. */
  changes = (limit: number, before?: number) => this.store.recentChanges(limit, before);

  async node(id: string): Promise<StoredEntity> {
    const entity = (await this.store.getEntities([id])).get(id);
    if (!entity) throw notFound('node', id);
    return entity;
  }

  /** The subgraph around a node for the explorer, nearest first, capped at `maxNodes`. */
  async lineage(
    id: string,
    options: Omit<LineageViewOptions, 'directions'> & { direction: Direction | 'BOTH' },
  ) {
    const focus = await this.node(id);
    const { direction, ...rest } = options;
    const directions: Direction[] = direction === 'BOTH' ? ['UPSTREAM', 'DOWNSTREAM'] : [direction];
    const asOf = resolveAsOf(options.asOf ?? undefined).date;
    return { focus, view: await this.store.lineageView(id, { ...rest, directions, asOf }) };
  }

  /** A shortest chain of lineage between two nodes, whichever way round; null when none. */
  async path(from: string, to: string, asOf?: string) {
    await Promise.all([this.node(from), this.node(to)]);
    return this.store.shortestChain(from, to, resolveAsOf(asOf).date);
  }

  /** Node counts by kind, the graph version, and the projection's state at that version. */
  async stats() {
    const [counts, graphVersion] = await Promise.all([
      this.store.countByKind(),
      this.store.graphVersion(),
    ]);
    const byKind = Object.entries(counts).map(([kind, count]) => ({ kind, count }));
    const projection = this.store.projection?.status();
    return {
      nodes: byKind.reduce((sum, row) => sum + row.count, 0),
      byKind,
      graphVersion,
      projection: projection && {
        ...projection,
        graphVersion: projection.version ?? null,
        current: projection.version === graphVersion,
      },
    };
  }
}
