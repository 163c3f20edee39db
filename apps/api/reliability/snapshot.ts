import type { GraphStore } from '@lineage/graph-store';

export interface DatabaseSnapshot {
  /** Every node of any label, Meta and Change records included. */
  allNodes: number;
  graphVersion: number;
  /** The store's digest of every entity and relationship, with their counts. */
  hash: string;
  entities: number;
  relationships: number;
}

/** What "the database did not change" is checked against. */
export async function snapshot(store: GraphStore): Promise<DatabaseSnapshot> {
  const [allNodes, graphVersion, digest] = await Promise.all([
    store.countAllNodes(),
    store.graphVersion(),
    store.graphHash(),
  ]);
  return {
    allNodes,
    graphVersion,
    hash: digest.hash,
    entities: digest.nodes,
    relationships: digest.relationships,
  };
}
