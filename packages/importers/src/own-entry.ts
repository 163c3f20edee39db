/**
 * The entry a table of known words holds for a word read from a file. A plain `table[word]`
 * would answer `constructor` or `__proto__` with what every object inherits.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}
