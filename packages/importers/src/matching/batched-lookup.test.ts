import { describe, expect, it } from 'vitest';
import { lookupOf } from '../testing/fake-lookup';
import { batchedLookup } from './batched-lookup';

const node = (id: string) => ({
  id,
  kind: 'BaseModel' as const,
  name: id.slice(id.indexOf('/') + 1),
  curated: true,
  developers: [],
});

describe('batchedLookup', () => {
  it('asks each distinct id once, in chunks, and answers as one call would', async () => {
    const inner = lookupOf([node('model:a/One'), node('model:b/Two'), node('model:c/Three')]);
    const asked: string[][] = [];
    const counting = {
      ...inner,
      storedIdsFolded: (ids: string[]) => (asked.push(ids), inner.storedIdsFolded(ids)),
    };
    const ids = ['model:a/one', 'model:x/none', 'model:B/TWO', 'model:a/one', 'model:c/Three'];
    const batched = await batchedLookup(counting, 2).storedIdsFolded(ids);
    expect(asked).toEqual([
      ['model:a/one', 'model:x/none'],
      ['model:B/TWO', 'model:c/Three'],
    ]);
    expect(batched).toEqual(await inner.storedIdsFolded(ids));
  });
});
