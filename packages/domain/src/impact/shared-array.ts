/**
 * A typed array shared by synchronous computations, which only use it before they return: one
 * buffer the size of the largest graph serves every query instead of a megabyte or more each.
 * It grows to the largest length asked for, with room to spare: a live graph gains a node per
 * write, and making the buffer again for each would allocate and zero megabytes per query
 * (the allocations and collections were most of what writes added to a hub query at 1M).
 * What it holds is whatever its last user left, so users either overwrite what they read or
 * never write it at all (a new buffer is zeroed, as the old one's unused part is).
 */
export function sharedArray<T extends Int32Array | Uint8Array>(create: (length: number) => T) {
  let buffer = create(0);
  return (length: number): T => {
    if (buffer.length < length) buffer = create(length + Math.ceil(length / 16) + 16);
    return buffer.subarray(0, length) as T;
  };
}
