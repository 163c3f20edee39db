import type { GraphStore } from '@lineage/graph-store';
import type { BackupItem } from '@lineage/importers';

/**
 * The whole graph as a backup reads it: every node, then every relationship between them.
 * Restoring is an import of the backup format (ImportService).
 */
export class BackupService {
  constructor(private readonly store: GraphStore) {}

  /** The graph version and node count a backup starts from (the count for progress). */
  async header(): Promise<{ graphVersion: number; nodes: number }> {
    const [counts, graphVersion] = await Promise.all([
      this.store.countByKind(),
      this.store.graphVersion(),
    ]);
    return { graphVersion, nodes: Object.values(counts).reduce((sum, n) => sum + n, 0) };
  }

  /** Nodes first, so that every relationship's ends exist when it is restored. */
  async *items(): AsyncGenerator<BackupItem> {
    for await (const node of this.store.exportNodes()) yield { node };
    for await (const relationship of this.store.exportRelationships()) yield { relationship };
  }
}
