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
