import type { GraphStore, WriteReport } from '@lineage/graph-store';

/**
 * A test-only fault (LINEAGE_FAULT_DROP_WRITES): a store whose writes are, at `rate`, answered
 * with a plausible report but never sent to Neo4j. The reliability suite runs with it on to
 * prove that its read-back really catches acknowledged writes that were lost.
 */
export function dropSomeWrites(
  store: GraphStore,
  rate: number,
  random: () => number = Math.random,
): GraphStore {
  // Everything but the writes is the real store's own (bound) member, reached through the prototype.
  const faulty = Object.create(store) as GraphStore;
  let lastVersion = 0;
  const seen = <R extends { graphVersion: number }>(report: R): R => {
    lastVersion = Math.max(lastVersion, report.graphVersion);
    return report;
  };
  faulty.write = async (batch, change, onProgress) => {
    if (random() < rate) {
      const report: WriteReport = {
        nodes: { created: batch.nodes.length, updated: 0, unchanged: 0 },
        relationships: { created: batch.relationships.length, updated: 0, unchanged: 0 },
        graphVersion: ++lastVersion,
        changed: true,
      };
      return report;
    }
    return seen(await store.write(batch, change, onProgress));
  };
  faulty.removeRelationships = async (keys, change) => {
    if (random() < rate) return { removed: keys.length, graphVersion: ++lastVersion };
    return seen(await store.removeRelationships(keys, change));
  };
  return faulty;
}
