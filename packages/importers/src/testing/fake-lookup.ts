import { idSlug, nameKey, type NodeKind } from '@lineage/domain';
import type { NodeLookup, StoredCandidate } from '../plan';

/**
 * A NodeLookup over a fixed list of stored nodes, for planners' unit tests: names match as
 * the store matches them (a node's name or id slug under the same nameKey), ids ignoring
 * letter case as the store's folded lookup does, and no review decisions.
 */
export function lookupOf(nodes: readonly StoredCandidate[]): NodeLookup {
  const keysOf = (node: StoredCandidate) => new Set([nameKey(node.name), nameKey(idSlug(node.id))]);
  return {
    matchNames: (names) =>
      Promise.resolve(
        new Map(
          names
            .map((name) => [name, nodes.filter((n) => keysOf(n).has(nameKey(name)))] as const)
            .filter(([, found]) => found.length),
        ),
      ),
    kindsOf: (ids) =>
      Promise.resolve(new Map(nodes.filter((n) => ids.includes(n.id)).map((n) => [n.id, n.kind]))),
    reviewDecisions: () => Promise.resolve([]),
    storedIdsFolded: (ids) =>
      Promise.resolve(
        new Map(
          ids.flatMap((id) => {
            const found = nodes.find((n) => n.id.toLowerCase() === id.toLowerCase());
            return found ? [[id, { id: found.id, kind: found.kind as NodeKind }] as const] : [];
          }),
        ),
      ),
  };
}
