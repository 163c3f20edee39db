import type { GraphStore, StoredEntity, StoredRelationship } from '@lineage/graph-store';
import { ImpactService } from '@lineage/core';
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Viewer } from './auth';
import type { VersionedReadCache } from './read-cache';

type IncomingOptions = Parameters<GraphStore['incomingPage']>[1];
type IncomingPage = Awaited<ReturnType<GraphStore['incomingPage']>>;

/**
 * Per-request reads: loaders batch them (no N+1), and the app's cache shares them between
 * requests at the graph version this request read first (see read-cache.ts).
 */
export interface Loaders {
  node: DataLoader<string, StoredEntity | undefined>;
  outgoing: DataLoader<string, StoredRelationship[]>;
  incomingPage(id: string, options: IncomingOptions): Promise<IncomingPage>;
  /** After this request wrote: forget what it read, and read the new version. */
  clearAll(): void;
}

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  viewer: Viewer;
  impact: ImpactService;
  readCache: VersionedReadCache;
  log: Logger;
}

export function createLoaders(store: GraphStore, cache: VersionedReadCache): Loaders {
  let version: Promise<number> | undefined;
  const currentVersion = () => (version ??= store.graphVersion());
  /** A loader over the cache; `absent` stands for ids the store does not know. */
  const cachedBatch = <V>(
    prefix: string,
    read: (ids: string[]) => Promise<Map<string, V>>,
    absent: V,
  ) =>
    new DataLoader<string, V>(async (ids) => {
      const keys = ids.map((id) => `${prefix}:${id}`);
      const values = await cache.getMany(await currentVersion(), keys, async (missing) => {
        const found = await read(missing.map((key) => key.slice(prefix.length + 1)));
        return new Map([...found].map(([id, value]) => [`${prefix}:${id}`, value]));
      });
      return values.map((value) => value ?? absent);
    });
  const node = cachedBatch<StoredEntity | undefined>(
    'node',
    (ids) => store.getEntities(ids),
    undefined,
  );
  const outgoing = cachedBatch<StoredRelationship[]>('out', (ids) => store.outgoingOf(ids), []);
  return {
    node,
    outgoing,
    // Only a node's first page is shared: a caller can mint any number of `after` cursors,
    // and each would be a new entry pushing out what other requests read.
    incomingPage: async (id, options) =>
      options.after === undefined
        ? cache.get(
            await currentVersion(),
            `in:${id}|${options.types?.join(',') ?? ''}|${options.first}`,
            () => store.incomingPage(id, options),
          )
        : store.incomingPage(id, options),
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
): Context {
  return {
    store,
    loaders: createLoaders(store, cache),
    viewer,
    impact: new ImpactService(store),
    readCache: cache,
    log,
  };
}
