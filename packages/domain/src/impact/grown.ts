/**
 * Append-only typed arrays shared by successive graphs: each graph holds a view of the length
 * it knows, over a buffer with room to spare. Appending to the newest view writes past its end
 * (no older view reaches there) and returns a longer view; appending to an older one (whose end
 * another append already used) copies. So a graph's arrays never change under it.
 */
const used = new WeakMap<object, number>();

type Growable = Int32Array | Uint8Array;

/** A zeroed array of `length` with room for `spare` more appends before any copy. */
export function withSpare<T extends Growable>(
  make: new (buffer: ArrayBuffer, offset: number, length: number) => T,
  bytes: number,
  length: number,
  spare = Math.ceil(length / 16) + 16,
): T {
  const array = new make(new ArrayBuffer((length + spare) * bytes), 0, length);
  used.set(array.buffer, length);
  return array;
}

/** `array` with `value` appended. */
export function grown<T extends Growable>(array: T, value: number): T {
  const length = array.length;
  const capacity = array.buffer.byteLength / array.BYTES_PER_ELEMENT;
  const make = array.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => T;
  if (array.byteOffset === 0 && used.get(array.buffer) === length && length < capacity) {
    used.set(array.buffer, length + 1);
    // A new view over the same buffer: subarray cannot reach past the old view's end.
    const longer = new make(array.buffer as ArrayBuffer, 0, length + 1);
    longer[length] = value;
    return longer;
  }
  const copy = withSpare(make, array.BYTES_PER_ELEMENT, length + 1);
  copy.set(array);
  copy[length] = value;
  return copy;
}

/**
 * `array` at least `length` long, new elements zero: in place at the end of the newest view
 * (as `grown`), else copied. For arrays whose set elements every graph may see (hints).
 */
export function grownTo<T extends Growable>(array: T, length: number): T {
  let longer = array;
  while (longer.length < length) longer = grown(longer, 0);
  return longer;
}

/**
 * `list` (of a graph holding its first `count` items) with `value` appended at `count`: pushed in
 * place when no later graph has used that end of the list, as `grown` does for typed arrays
 * (for the ids: copying a million of them for every write cost 15-30 ms and most of the API's
 * garbage collection under steady writes), copied otherwise.
 */
export function grownList<T>(list: T[], count: number, value: T): T[] {
  const shared = (used.get(list) ?? list.length) === count ? list : list.slice(0, count);
  shared.push(value);
  used.set(shared, count + 1);
  return shared;
}
