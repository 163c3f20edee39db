import { describe, expect, it } from 'vitest';
import { ChangeFeed, type ChangeRow } from './change-feed';

/** Change records 1..newest, as Neo4j would return them for a range. */
function recordsUpTo(newest: { value: number }) {
  const asked: [number, number][] = [];
  const read = async (since: number, until: number): Promise<ChangeRow[]> => {
    asked.push([since, until]);
    const rows: ChangeRow[] = [];
    for (let version = since + 1; version <= Math.min(until, newest.value); version++)
      rows.push({ version, lineageChanged: true, delta: null, touched: [`n${version}`] });
    return rows;
  };
  return { read, asked };
}

describe('ChangeFeed', () => {
  it('answers a second reader of the same versions, or of fewer, without reading again', async () => {
    const { read, asked } = recordsUpTo({ value: 10 });
    const feed = new ChangeFeed(read);
    const [first, second] = await Promise.all([feed.between(3, 6), feed.between(3, 6)]);
    expect(second).toEqual(first);
    expect((await feed.between(4, 5)).map((row) => row.version)).toEqual([5]);
    expect(asked).toEqual([[3, 6]]);
  });

  it('reads again for versions outside what it read', async () => {
    const { read, asked } = recordsUpTo({ value: 10 });
    const feed = new ChangeFeed(read);
    await feed.between(3, 6);
    expect((await feed.between(3, 7)).map((row) => row.version)).toEqual([4, 5, 6, 7]);
    expect(asked).toEqual([
      [3, 6],
      [3, 7],
    ]);
  });

  it('keeps no read that found versions missing, so a later reader sees them once written', async () => {
    const newest = { value: 5 };
    const { read, asked } = recordsUpTo(newest);
    const feed = new ChangeFeed(read);
    expect(await feed.between(3, 8)).toHaveLength(2);
    newest.value = 8;
    expect(await feed.between(3, 8)).toHaveLength(5);
    expect(asked).toHaveLength(2);
  });

  it('keeps no failed read', async () => {
    let fail = true;
    const feed = new ChangeFeed(async (since, until) => {
      if (fail) throw new Error('Neo4j is gone');
      return Array.from({ length: until - since }, (_, i) => ({
        version: since + 1 + i,
        lineageChanged: false,
        delta: null,
        touched: [],
      }));
    });
    await expect(feed.between(0, 2)).rejects.toThrow('Neo4j is gone');
    fail = false;
    expect(await feed.between(0, 2)).toHaveLength(2);
  });

  it('answers versions this process wrote from what it recorded, and reads any gap', async () => {
    const { read, asked } = recordsUpTo({ value: 10 });
    const feed = new ChangeFeed(read);
    const own = (version: number): ChangeRow => ({
      version,
      lineageChanged: true,
      delta: '{}',
      touched: ['mine'],
    });
    feed.recorded(own(4));
    feed.recorded(own(5));
    expect(await feed.between(3, 5)).toEqual([own(4), own(5)]);
    expect(asked).toEqual([]);
    expect((await feed.between(3, 6)).map((row) => row.version)).toEqual([4, 5, 6]);
    expect(asked).toEqual([[3, 6]]);
  });
});
