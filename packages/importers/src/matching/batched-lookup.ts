import type { NodeLookup } from '../plan';

/** Items per lookup call: a round trip amortised, a bounded statement inside the write. */
export const LOOKUP_CHUNK = 10_000;

/**
 * The lookup every importer reconciles through: each call of a list goes to the store once
 * per LOOKUP_CHUNK distinct items, however many rows asked (a file of a million rows names the
 * same hubs again and again). Results are keyed by item, so splitting changes nothing in them.
 * Organisations (nodesOwnedBy) and review decisions are few whatever the file: passed through.
 */
export function batchedLookup(lookup: NodeLookup, size = LOOKUP_CHUNK): NodeLookup {
  const inChunks =
    <V>(ask: (items: string[]) => Promise<Map<string, V>>) =>
    async (items: string[]): Promise<Map<string, V>> => {
      const unique = [...new Set(items)];
      if (unique.length <= size) return ask(unique);
      const found = new Map<string, V>();
      for (let i = 0; i < unique.length; i += size)
        for (const [key, value] of await ask(unique.slice(i, i + size))) found.set(key, value);
      return found;
    };
  const { nodesOwnedBy, snapshotsOf, releasedAtOf } = lookup;
  return {
    matchNames: inChunks((names) => lookup.matchNames(names)),
    kindsOf: inChunks((ids) => lookup.kindsOf(ids)),
    storedIdsFolded: inChunks((ids) => lookup.storedIdsFolded(ids)),
    reviewDecisions: () => lookup.reviewDecisions(),
    ...(nodesOwnedBy ? { nodesOwnedBy: (owners) => nodesOwnedBy.call(lookup, owners) } : {}),
    ...(snapshotsOf ? { snapshotsOf: inChunks((ids) => snapshotsOf.call(lookup, ids)) } : {}),
    ...(releasedAtOf ? { releasedAtOf: inChunks((ids) => releasedAtOf.call(lookup, ids)) } : {}),
  };
}
