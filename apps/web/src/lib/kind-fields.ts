/**
 * A field that only some kinds of node have (a licence, a provider, an operator...), read from
 * a node typed as the union of its kinds' answers: its value where the kind has it, else
 * undefined.
 */
export function kindField<T extends object, K extends string>(
  node: T,
  key: K,
): (T extends Record<K, infer V> ? V : never) | undefined {
  return key in node ? (node as unknown as Record<K, never>)[key] : undefined;
}
