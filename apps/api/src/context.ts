import {
  createServices,
  type DeliveryPolicy,
  type BrowseService,
  type DefectContextReader,
  type Services,
} from '@lineage/core';
import type { GraphStore, StoredEntity, StoredRelationship } from '@lineage/graph-store';
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Viewer } from './auth';
import type { VersionedReadCache } from './read-cache';

type IncomingOptions = Parameters<BrowseService['incomingPage']>[1];
type IncomingPage = Awaited<ReturnType<BrowseService['incomingPage']>>;

/**
 * Per-request reads: loaders batch them (no N+1), and the app's cache shares them between
 * requests at the graph version this request read first (see read-cache.ts).
 */
export interface Loaders {
  node: DataLoader<string, StoredEntity | undefined>;
  outgoing: DataLoader<string, StoredRelationship[]>;
  incomingPage(id: string, options: IncomingOptions): Promise<IncomingPage>;
  /** A defect's context for impact, shared between requests like the reads above. */
  defectContext: DefectContextReader;
  /** After this request wrote: forget what it read, and read the new version. */
  clearAll(): void;
}

export interface Context {
  /** The use cases (packages/core): resolvers call these, never the store. */
  services: Services;
  loaders: Loaders;
  viewer: Viewer;
  readCache: VersionedReadCache;
  log: Logger;
}

/**
 * The read cache's keys: what was read (`node`, `out`, `in`), about which id, and for `in` the
 * page asked; `cacheKeyId` gives the id back, so a write touching it forgets the key.
 */
const SEPARATOR = '\u0000';
const cacheKey = (what: string, id: string, variant = '') =>
  `${what}${SEPARATOR}${id}${SEPARATOR}${variant}`;
export const cacheKeyId = (key: string) => key.split(SEPARATOR)[1] ?? key;

export function createLoaders(
  browse: BrowseService,
  cache: VersionedReadCache,
  readDefectContext: DefectContextReader,
): Loaders {
  let version: Promise<number> | undefined;
  const currentVersion = () => (version ??= browse.graphVersion());
  /** A loader over the cache; `absent` stands for ids the store does not know. */
  const cachedBatch = <V>(
    prefix: string,
    read: (ids: string[]) => Promise<Map<string, V>>,
    absent: V,
  ) =>
    new DataLoader<string, V>(async (ids) => {
      const keys = ids.map((id) => cacheKey(prefix, id));
      const values = await cache.getMany(await currentVersion(), keys, async (missing) => {
        const found = await read(missing.map(cacheKeyId));
        return new Map([...found].map(([id, value]) => [cacheKey(prefix, id), value]));
      });
      return values.map((value) => value ?? absent);
    });
  const node = cachedBatch<StoredEntity | undefined>('node', (ids) => browse.nodes(ids), undefined);
  const outgoing = cachedBatch<StoredRelationship[]>('out', (ids) => browse.outgoing(ids), []);
  return {
    node,
    outgoing,
    // Only a node's first page is shared: a caller can mint any number of `after` cursors,
    // and each would be a new entry pushing out what other requests read.
    incomingPage: async (id, options) =>
      options.after === undefined
        ? cache.get(
            await currentVersion(),
            cacheKey('in', id, `${options.types?.join(',') ?? ''}|${options.first}`),
            () => browse.incomingPage(id, options),
          )
        : browse.incomingPage(id, options),
    // Its key is the defect's id, which every write of the defect or of an AFFECTS or
    // MITIGATES relationship touches (one end), so a held context is the context at `version`.
    // Read on a miss, it holds the version it was read at, the same or a later one.
    defectContext: async (id) => {
      const version = await currentVersion();
      const context = await cache.get(version, cacheKey('defect', id), () => readDefectContext(id));
      return context && { ...context, graphVersion: Math.max(version, context.graphVersion) };
    },
    clearAll: () => {
      version = undefined;
      node.clearAll();
      outgoing.clearAll();
    },
  };
}

export function createContext(
  store: GraphStore,
  cache: VersionedReadCache,
  viewer: Viewer,
  log: Logger,
  deliveryPolicy?: DeliveryPolicy,
): Context {
  // Impact reads a defect's context through the loaders, which read through the services.
  const services = createServices(store, {
    defectContext: (id) => loaders.defectContext(id),
    deliveryPolicy,
  });
  const loaders = createLoaders(services.browse, cache, (id) => store.defectContext(id));
  return {
    services,
    loaders,
    viewer,
    readCache: cache,
    log,
  };
}
