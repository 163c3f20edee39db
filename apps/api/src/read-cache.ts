import { LRUCache } from 'lru-cache';

/** A stored value, so that "not found" can be cached too. */
type Entry = { value: unknown };

/** What the cache may hold by default: reads at one graph version, least recently used out. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface ReadCacheOptions {
  maxBytes?: number;
  /**
   * Ids the writes of versions (since, until] touched, or undefined when that is not known:
   * moving to a newer version, the cache forgets only those ids' entries (or, unknown, all).
   * Without it every newer version empties the cache.
   */
  touchedBetween?: (since: number, until: number) => Promise<Set<string> | undefined>;
  /** The id a key holds a read about (default: the key itself). */
  idOf?: (key: string) => string;
}

/**
 * Entity and relationship reads shared between requests, valid at one graph version (as
 * DESIGN.md allows a replica's caches: rebuilt from Neo4j, keyed by graphVersion). Every write
 * moves the version in its own transaction and names on its Change the ids it touched. A
 * request reads the version once; the cache moves to a newer one by forgetting the entries of
 * the ids touched in between (all of them when that is not known), and stores a read only
 * while it is at the version the request read. So no request sees data older than the version
 * it read, and the request after a write sees it. Impact results are never cached here.
 *
 * Bounded by bytes, not entries: a caller decides how large a value is (a page of 500
 * relationships), so a count of entries bounds nothing. A value over a tenth of the budget is
 * served but never stored.
 */
export class VersionedReadCache {
  private version = -1;
  private readonly entries: LRUCache<string, Entry>;
  /** The keys held about each id, to forget them when a write touches it. */
  private readonly keysOfId = new Map<string, Set<string>>();
  private moving: Promise<void> | undefined;
  private hits = 0;
  private misses = 0;
  private forgotten = 0;
  private emptied = 0;
  private readonly touchedBetween: ReadCacheOptions['touchedBetween'];
  private readonly idOf: (key: string) => string;

  constructor(options: ReadCacheOptions = {}) {
    const maxSize = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.touchedBetween = options.touchedBetween;
    this.idOf = options.idOf ?? ((key) => key);
    this.entries = new LRUCache({
      maxSize,
      maxEntrySize: Math.floor(maxSize / 10),
      sizeCalculation: (entry, key) => Math.max(1, estimateBytes(key) + estimateBytes(entry)),
      // A replaced value keeps its key; an evicted or deleted one leaves the index too.
      dispose: (_entry, key, reason) => {
        if (reason !== 'set') this.unindex(key);
      },
    });
  }

  /** `read` for the keys not held at `version`; the results are held for the next request. */
  async getMany<V>(
    version: number,
    keys: readonly string[],
    read: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<(V | undefined)[]> {
    await this.moveTo(version);
    const found = keys.map((key) => this.entries.get(key));
    const missing = keys.filter((_, i) => !found[i]);
    this.hits += keys.length - missing.length;
    this.misses += missing.length;
    if (!missing.length) return found.map((entry) => entry!.value as V | undefined);
    const fresh = await read(missing);
    // Another request may have moved the cache on meanwhile: then these are not stored.
    if (this.version === version) {
      for (const key of missing) this.store(key, { value: fresh.get(key) });
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
      /** Entries forgotten because a write touched their id, and times it emptied instead. */
      forgotten: this.forgotten,
      emptied: this.emptied,
    };
  }

  private store(key: string, entry: Entry) {
    this.entries.set(key, entry);
    if (!this.entries.has(key)) return; // too large to hold
    const id = this.idOf(key);
    let keys = this.keysOfId.get(id);
    if (!keys) this.keysOfId.set(id, (keys = new Set()));
    keys.add(key);
  }

  private unindex(key: string) {
    const id = this.idOf(key);
    const keys = this.keysOfId.get(id);
    keys?.delete(key);
    if (keys?.size === 0) this.keysOfId.delete(id);
  }

  /** Waits until the cache is at `version` or later; one move at a time, shared. */
  private async moveTo(version: number) {
    while (version > this.version) {
      this.moving ??= this.moveOn(version).finally(() => {
        this.moving = undefined;
      });
      await this.moving;
    }
  }

  private async moveOn(version: number) {
    const since = this.version;
    const touched =
      since >= 0 && this.touchedBetween
        ? await this.touchedBetween(since, version).catch(() => undefined)
        : undefined;
    if (touched) {
      for (const id of touched) {
        for (const key of [...(this.keysOfId.get(id) ?? [])]) {
          this.entries.delete(key);
          this.forgotten++;
        }
      }
    } else {
      this.entries.clear();
      this.keysOfId.clear();
      this.emptied++;
    }
    this.version = version;
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
