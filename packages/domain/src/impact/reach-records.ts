/**
 * What one impact search found, sized by what it reached rather than by the graph. Each
 * reached node has a slot (in the order first reached). The search runs once for all the
 * thresholds at once: threshold t keeps only edges transmitting at least `thresholds[t]`, and a
 * node's distance and witness predecessor are kept per threshold it was reached at.
 *
 * Most nodes gain all their thresholds from the parent that first reaches them, so a slot
 * holds one predecessor for them, and their distance is the layer it was first reached at; a
 * threshold gained otherwise (from another parent, or a layer later) has its own record in
 * `others`. Read them through `distanceAt` and `predecessorAt`.
 */
export interface Reach {
  /** The level ranks searched, strongest first; bit t of a mask is thresholds[t]. */
  thresholds: number[];
  /** Slot -> node index. */
  nodes: Int32Array;
  /** Slot -> the node's kind (an index into NODE_KINDS), read beside the child's index. */
  kinds: Uint8Array;
  /**
   * Slot -> thresholds it was reached at (bits 0-2), and those whose record is in `others`
   * (bits 4-6: bit t + 4 for threshold t). Read the thresholds with REACHED_BITS.
   */
  masks: Uint8Array;
  /**
   * Slot -> the witness predecessor's slot for the slot's own record: of the nodes one step
   * nearer at that threshold with an edge transmitting it, the one with the smallest id; -1 at
   * an origin.
   */
  predecessors: Int32Array;
  /** (slot * 3 + threshold) -> [distance, predecessor] for the thresholds of bits 4-6. */
  others: Map<number, [number, number]>;
  /** How many slots are origins (the first ones). */
  origins: number;
  /**
   * Per distance d, how many slots were first reached at d or nearer (slots go in that order).
   * The distance of a slot's own record is the one it was first reached at (its layer); a slot's
   * distance at its own level is never below it, so every slot at distance d or less is among
   * the first layerEnds[d].
   */
  layerEnds: Int32Array;
}

/** The bits of a Reach mask that say which thresholds reached the slot. */
export const REACHED_BITS = 7;
/** Bit t + OTHER_SHIFT of a mask: threshold t's record is in `others`. */
export const OTHER_SHIFT = 4;

/**
 * The slot's distance at threshold t (which reached it); `layer` is the distance the slot was
 * first reached at (the first d with slot < layerEnds[d]), its own record's.
 */
export function distanceAt(reach: Reach, slot: number, t: number, layer: number): number {
  return (reach.masks[slot]! >> (t + OTHER_SHIFT)) & 1 ? reach.others.get(slot * 3 + t)![0] : layer;
}

/** The slot's witness predecessor at threshold t (which reached it); -1 at an origin. */
export function predecessorAt(reach: Reach, slot: number, t: number): number {
  return (reach.masks[slot]! >> (t + OTHER_SHIFT)) & 1
    ? reach.others.get(slot * 3 + t)![1]
    : reach.predecessors[slot]!;
}
