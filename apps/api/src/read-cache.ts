import { LRUCache } from 'lru-cache';

/** A stored value, so that "not found" can be cached too. */
type Entry = { value: unknown };

/** What the cache may hold by default: reads at one graph version, least recently used out. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Entity and relationship reads shared between requests, keyed by the graph version (as
 * DESIGN.md allows a replica's caches: rebuilt from Neo4j, keyed by graphVersion). Every write
 * moves the version in its own transaction; a request reads the version once, and uses or
 * stores entries only while the cache holds that version. A newer version empties it. So no
 * request sees data older than the version it read, and the request after a write sees it.
 * Impact results are never cached here.
 *
 * Bounded by bytes, not entries: a caller decides how large a value is (a page of 500
 * relationships), so a count of entries bounds nothing. A value over a tenth of the budget is
 * served but never stored.
 */
export class VersionedReadCache {
  private version = -1;
  private readonly entries: LRUCache<string, Entry>;
  private hits = 0;
  private misses = 0;

  constructor(options: { maxBytes?: number } = {}) {
    const maxSize = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.entries = new LRUCache({
      maxSize,
      maxEntrySize: Math.floor(maxSize / 10),
      sizeCalculation: (entry, key) => Math.max(1, estimateBytes(key) + estimateBytes(entry)),
    });
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
    return {
      version: this.version,
      size: this.entries.size,
      entries: this.entries.size,
      bytes: this.entries.calculatedSize,
      hits: this.hits,
      misses: this.misses,
    };
  }

  private moveTo(version: number) {
    if (version > this.version) {
      this.entries.clear();
      this.version = version;
    }
  }
}

/**
 * An upper bound of the heap a value takes, in one walk: two bytes a character (V8 stores
 * ASCII in one), and a pointer and header for every object, array item and property.
 */
export function estimateBytes(value: unknown, depth = 0): number {
  const POINTER = 8;
  const HEADER = 16;
  if (typeof value === 'string') return HEADER + value.length * 2;
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? 64 : 8;
  if (depth > 32) return HEADER;
  let bytes = HEADER;
  if (Array.isArray(value)) {
    for (const item of value) bytes += POINTER + estimateBytes(item, depth + 1);
    return bytes;
  }
  if (value instanceof Map) {
    for (const [key, item] of value)
      bytes += 2 * POINTER + estimateBytes(key, depth + 1) + estimateBytes(item, depth + 1);
    return bytes;
  }
  for (const [key, item] of Object.entries(value))
    bytes += POINTER + key.length * 2 + estimateBytes(item, depth + 1);
  return bytes;
}
