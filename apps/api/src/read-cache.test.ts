import { describe, expect, it } from 'vitest';
import { VersionedReadCache } from './read-cache';

/** A store stand-in that counts what it is asked for and answers `value@version`. */
function counting(values: Record<string, string>) {
  const asked: string[][] = [];
  const read = async (keys: string[]) => {
    asked.push(keys);
    return new Map(keys.filter((key) => key in values).map((key) => [key, values[key]!]));
  };
  return { asked, read };
}

describe('the versioned read cache', () => {
  it('reads each key once per version, including keys that do not exist', async () => {
    const cache = new VersionedReadCache();
    const store = counting({ a: 'A', b: 'B' });
    expect(await cache.getMany(1, ['a', 'x'], store.read)).toEqual(['A', undefined]);
    expect(await cache.getMany(1, ['a', 'b', 'x'], store.read)).toEqual(['A', 'B', undefined]);
    expect(store.asked).toEqual([['a', 'x'], ['b']]);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 3, version: 1 });
  });

  it('forgets everything when a newer version is read', async () => {
    const cache = new VersionedReadCache();
    const values = { a: 'old' };
    const store = counting(values);
    await cache.getMany(1, ['a'], store.read);
    values.a = 'new';
    expect(await cache.getMany(2, ['a'], store.read)).toEqual(['new']);
    expect(store.asked).toEqual([['a'], ['a']]);
  });

  it('forgets only the ids the writes in between touched, when it can learn them', async () => {
    const touched = new Map<number, string[] | undefined>([
      [2, ['a']],
      [3, undefined],
    ]);
    const cache = new VersionedReadCache({
      idOf: (key) => key.split('/')[0]!,
      touchedBetween: async (since, until) => {
        const ids = new Set<string>();
        for (let version = since + 1; version <= until; version++) {
          const list = touched.get(version);
          if (!list) return undefined;
          for (const id of list) ids.add(id);
        }
        return ids;
      },
    });
    const values: Record<string, string> = { 'a/node': 'A1', 'a/out': 'A1 edges', 'b/node': 'B1' };
    const store = counting(values);
    await cache.getMany(1, ['a/node', 'a/out', 'b/node'], store.read);
    Object.assign(values, { 'a/node': 'A2', 'a/out': 'A2 edges', 'b/node': 'B2' });
    // Version 2 touched a: both its keys are read again, b's entry stays.
    expect(await cache.getMany(2, ['a/node', 'a/out', 'b/node'], store.read)).toEqual([
      'A2',
      'A2 edges',
      'B1',
    ]);
    expect(store.asked.at(-1)).toEqual(['a/node', 'a/out']);
    expect(cache.stats()).toMatchObject({ forgotten: 2, emptied: 1 });
    // Version 3 did not say what it touched: everything is read again.
    expect(await cache.getMany(3, ['b/node'], store.read)).toEqual(['B2']);
    expect(cache.stats()).toMatchObject({ emptied: 2, entries: 1 });
  });

  it('empties itself when it cannot learn what was touched (the lookup fails)', async () => {
    const cache = new VersionedReadCache({
      touchedBetween: () => Promise.reject(new Error('Neo4j is gone')),
    });
    const values = { a: 'old' };
    const store = counting(values);
    await cache.getMany(1, ['a'], store.read);
    values.a = 'new';
    expect(await cache.getMany(2, ['a'], store.read)).toEqual(['new']);
  });

  it('does not store what a request at an older version read', async () => {
    const cache = new VersionedReadCache();
    const values = { a: 'old' };
    const store = counting(values);
    let release = () => {};
    const slowRead = async (keys: string[]) => {
      await new Promise<void>((resolve) => (release = resolve));
      return store.read(keys);
    };
    const late = cache.getMany(1, ['a'], slowRead); // started at version 1, answers late
    values.a = 'new';
    await cache.getMany(2, ['b'], store.read); // another request moved the cache on
    release();
    await late;
    expect(await cache.getMany(2, ['a'], store.read)).toEqual(['new']);
  });
});

describe('the read cache under a flood of distinct reads', () => {
  const bigValue = (seed: number, characters = 25_000) => ({
    id: `n${seed}`,
    text: 'x'.repeat(characters),
  });

  it('holds at most its byte budget, however many distinct keys are read', async () => {
    const cache = new VersionedReadCache({ maxBytes: 1_000_000 });
    for (let i = 0; i < 200; i++) {
      await cache.get(1, `k${i}`, async () => bigValue(i));
    }
    const { bytes, entries } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(1_000_000);
    // Each value holds 25,000 characters, 50 KB at two bytes each: about 19 fit, not 200.
    expect(entries).toBeGreaterThan(15);
    expect(entries).toBeLessThan(21);
    expect(await cache.get(1, 'k199', async () => bigValue(-1))).toEqual(bigValue(199));
  });

  it('never stores a value larger than a tenth of its budget', async () => {
    const cache = new VersionedReadCache({ maxBytes: 500_000 });
    await cache.get(1, 'huge', async () => bigValue(1, 30_000));
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});
