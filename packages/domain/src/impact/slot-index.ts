/**
 * Node index -> slot for the nodes one search reached: an open-addressing table the size of
 * what was reached (twice over), so an impact never holds an array the size of the graph.
 */
export class SlotIndex {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(nodes: Int32Array) {
    let capacity = 16;
    while (capacity < nodes.length * 2) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(-1);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let slot = 0; slot < nodes.length; slot++) {
      let at = this.hash(nodes[slot]!);
      while (this.keys[at] !== -1) at = (at + 1) & this.mask;
      this.keys[at] = nodes[slot]!;
      this.values[at] = slot;
    }
  }

  private hash(node: number): number {
    return (Math.imul(node, 0x9e3779b1) >>> 7) & this.mask;
  }

  /** The node's slot, or -1 when the search did not reach it. */
  get(node: number): number {
    for (let at = this.hash(node); ; at = (at + 1) & this.mask) {
      const key = this.keys[at]!;
      if (key === node) return this.values[at]!;
      if (key === -1) return -1;
    }
  }
}
