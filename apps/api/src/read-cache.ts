import { LRUCache } from 'lru-cache';

/** A stored value, so that "not found" can be cached too. */
type Entry = { value: unknown };

/**
 * Entity and relationship reads shared between requests, keyed by the graph version (as
 * DESIGN.md allows a replica's caches: rebuilt from Neo4j, keyed by graphVersion). Every write
 * moves the version in its own transaction; a request reads the version once, and uses or
 * stores entries only while the cache holds that version. A newer version empties it. So no
 * request sees data older than the version it read, and the request after a write sees it.
 * Impact results are never cached here.
 */
export class VersionedReadCache {
  private version = -1;
  private readonly entries: LRUCache<string, Entry>;
  private hits = 0;
  private misses = 0;

  constructor(maxEntries = 100_000) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  /** `read` for the keys not held at `version`; the results are held for the next request. */
  async getMany<V>(
    version: number,
    keys: readonly string[],
    read: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<(V | undefined)[]> {
    this.moveTo(version);
    const found = keys.map((key) => this.entries.get(key));
    const missing = keys.filter((_, i) => !found[i]);
    this.hits += keys.length - missing.length;
    this.misses += missing.length;
    if (!missing.length) return found.map((entry) => entry!.value as V | undefined);
    const fresh = await read(missing);
    // Another request may have seen a newer version meanwhile: then these are not stored.
    if (this.version === version) {
      for (const key of missing) this.entries.set(key, { value: fresh.get(key) });
    }
    return keys.map((key, i) => (found[i] ? (found[i].value as V) : fresh.get(key)));
  }

  async get<V>(version: number, key: string, read: () => Promise<V>): Promise<V> {
    const [value] = await this.getMany(version, [key], async () => new Map([[key, await read()]]));
    return value as V;
  }

  stats() {
    return { version: this.version, size: this.entries.size, hits: this.hits, misses: this.misses };
  }

  private moveTo(version: number) {
    if (version > this.version) {
      this.entries.clear();
      this.version = version;
    }
  }
}
