import { idSlug, nameKey, type NodeKind } from '@lineage/domain';
import type { NodeLookup, StoredCandidate, StoredSnapshot } from '../plan';

/** A stored node of a fake store: a candidate, with the dates and family links a store holds. */
export type FakeNode = StoredCandidate & {
  releasedAt?: string;
  version?: string;
  /** The family it is a dated snapshot of (SNAPSHOT_OF). */
  snapshotOf?: string;
  /** Its name's periods on snapshots (POINTS_TO), when it is a family. */
  pointsTo?: { to: string; validFrom?: string; validTo?: string }[];
};

/**
 * A NodeLookup over a fixed list of stored nodes, for planners' unit tests: names match as
 * the store matches them (a node's name or id slug under the same nameKey), ids ignoring
 * letter case as the store's folded lookup does, and no review decisions.
 */
export function lookupOf(nodes: readonly FakeNode[]): NodeLookup {
  const keysOf = (node: StoredCandidate) => new Set([nameKey(node.name), nameKey(idSlug(node.id))]);
  const snapshotOf = (family: FakeNode, node: FakeNode): StoredSnapshot => ({
    id: node.id,
    kind: node.kind,
    name: node.name,
    ...(node.version ? { version: node.version } : {}),
    ...(node.releasedAt ? { releasedAt: node.releasedAt } : {}),
    pointedTo: (family.pointsTo ?? [])
      .filter((p) => p.to === node.id)
      .map(({ validFrom, validTo }) => ({
        ...(validFrom ? { validFrom } : {}),
        ...(validTo ? { validTo } : {}),
      })),
  });
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
    snapshotsOf: (familyIds) =>
      Promise.resolve(
        new Map(
          nodes
            .filter((family) => familyIds.includes(family.id))
            .map((family) => {
              const pointed = new Set((family.pointsTo ?? []).map((p) => p.to));
              const members = nodes.filter((n) => n.snapshotOf === family.id || pointed.has(n.id));
              return [family.id, members.map((n) => snapshotOf(family, n))] as const;
            })
            .filter(([, members]) => members.length),
        ),
      ),
    releasedAtOf: (ids) =>
      Promise.resolve(
        new Map(
          nodes.flatMap((n) => (ids.includes(n.id) && n.releasedAt ? [[n.id, n.releasedAt]] : [])),
        ),
      ),
  };
}
