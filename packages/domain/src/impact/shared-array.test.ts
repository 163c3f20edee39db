import { describe, expect, it } from 'vitest';
import { sharedArray } from './shared-array';

describe('sharedArray', () => {
  it('gives views of one buffer while the graph grows a node at a time', () => {
    let created = 0;
    const scratch = sharedArray((length) => {
      created++;
      return new Int32Array(length);
    });
    const first = scratch(1_000_000);
    // A graph that gains a node per write asks for one more each time: the buffer must not be
    // made again (and zeroed, megabytes at a time) for each of them.
    for (let length = 1_000_001; length <= 1_000_100; length++) {
      const view = scratch(length);
      expect(view.length).toBe(length);
      expect(view.buffer === first.buffer, `a new buffer at ${length}`).toBe(true);
    }
    expect(created).toBe(2); // the empty start and the first real size
  });

  it('makes a larger buffer when asked for more than its spare', () => {
    const scratch = sharedArray((length) => new Uint8Array(length));
    const small = scratch(100);
    const large = scratch(10_000);
    expect(large.length).toBe(10_000);
    expect(large.buffer === small.buffer).toBe(false);
    expect(scratch(50).buffer === large.buffer).toBe(true);
  });
});
