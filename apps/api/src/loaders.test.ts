import type { BrowseService } from '@lineage/core';
import { describe, expect, it } from 'vitest';
import { createLoaders } from './context';
import { VersionedReadCache } from './read-cache';

/** Just what the loaders call of the browse service, counting the incoming pages read. */
function standIn() {
  let reads = 0;
  const store = {
    graphVersion: async () => 1,
    incomingPage: async () => {
      reads++;
      return { relationships: [], totalCount: 0, cursorOf: () => '' };
    },
  } as unknown as BrowseService;
  return { store, reads: () => reads };
}

describe('incoming pages in the shared read cache', () => {
  it('shares the first page of a node, never a page after a cursor the caller chose', async () => {
    const { store, reads } = standIn();
    const cache = new VersionedReadCache();
    for (let request = 0; request < 2; request++) {
      const loaders = createLoaders(store, cache, async () => undefined);
      await loaders.incomingPage('model:a', { first: 51 });
      for (let i = 0; i < 100; i++) {
        await loaders.incomingPage('model:a', { first: 51, after: `model:b${i} FINE_TUNED_FROM` });
      }
    }
    // The first page once; the 200 pages after a cursor each read, none kept.
    expect(reads()).toBe(1 + 200);
    expect(cache.stats().entries).toBe(1);
  });
});
