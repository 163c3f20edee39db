/**
 * A typed array shared by synchronous computations, which only use it before they return: one
 * buffer the size of the largest graph serves every query instead of a megabyte or more each.
 * It grows to the largest length asked for; what it holds is whatever its last user left, so
 * users either overwrite what they read or never write it at all.
 */
export function sharedArray<T extends Int32Array | Uint8Array>(create: (length: number) => T) {
  let buffer = create(0);
  return (length: number): T => {
    if (buffer.length < length) buffer = create(length);
    return buffer.subarray(0, length) as T;
  };
}
