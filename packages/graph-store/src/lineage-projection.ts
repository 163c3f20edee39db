import {
  buildLineageGraph,
  LINEAGE_KINDS,
  type LineageEdgeInput,
  type LineageGraph,
  type LineageRelation,
  type NodeKind,
} from '@lineage/domain';
import type { Connection } from './connection';
import { relationPattern } from './lineage-store';
import { graphVersion } from './meta-store';

/**
 * Every lineage node with the edges to its parents: one pass over the nodes, no join. Dates come
 * back as ISO text: a driver Date object (with an Integer per field) for each of a million
 * edges would hold several times the memory.
 */
const WHOLE_LINEAGE = `
  MATCH (n:Entity) WHERE n.kind IN $kinds
  RETURN n.id AS id, n.kind AS kind,
         toString(n.releasedAt) AS releasedAt, toString(n.retiredAt) AS retiredAt,
         [(n)-[r:${relationPattern()}]->(parent:Entity) |
           [parent.id, type(r), r.declared, toString(r.validFrom), toString(r.validTo)]] AS parents`;

/** Whether any write between two versions changed the lineage (older records: assume so). */
const LINEAGE_CHANGES_BETWEEN = `
  MATCH (c:Change) WHERE c.graphVersion > $since AND c.graphVersion <= $until
  RETURN count(c) AS changes,
         count(CASE WHEN coalesce(c.lineageChanged, true) THEN 1 END) AS lineageChanges`;

type ParentTuple = [string, LineageRelation, boolean | null, string | null, string | null];

export interface ProjectionStatus {
  /** The graph version the held projection was read at; undefined before the first build. */
  version: number | undefined;
  nodes: number;
  edges: number;
  /** How long the last build took, in milliseconds. */
  buildMs: number;
  building: boolean;
  /** Impact queries it answered, and those that fell back to Cypher because it was stale. */
  served: number;
  fallbacks: number;
}

/**
 * The whole lineage held in memory as typed arrays, so an impact query over a hub of a
 * million-node graph is a breadth-first search in memory rather than a fetch of its closure.
 *
 * Neo4j stays the system of record. Writes bump the graph version in the transaction that
 * changes the data, recording whether the lineage changed. Callers pass the version they just
 * read; the projection answers for the version it was read at and for later ones whose writes
 * left the lineage alone, and otherwise returns `undefined`: the caller falls back to Cypher
 * while a rebuild runs in the background. So a read after a write never sees the lineage as it
 * was before that write.
 */
export class LineageProjection {
  private held: { version: number; graph: LineageGraph } | undefined;
  private building: Promise<void> | undefined;
  private lastBuildMs = 0;
  private served = 0;
  private fallbacks = 0;

  constructor(
    private readonly connection: Connection,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  /**
   * The projection if it holds the lineage of graph version `version`: it was read at that
   * version, or at an older one and no write since changed the lineage (filing a defect or
   * editing a model's licence does not). Otherwise starts a rebuild and says so.
   */
  async at(version: number): Promise<LineageGraph | undefined> {
    const held = this.held;
    if (held && (held.version === version || (await this.unchangedSince(held.version, version)))) {
      // Later queries at this version skip the check; a newer build may have replaced `held`.
      if (this.held === held) this.held = { version, graph: held.graph };
      this.served++;
      return held.graph;
    }
    this.fallbacks++;
    void this.refresh();
    return undefined;
  }

  private async unchangedSince(since: number, until: number): Promise<boolean> {
    if (since > until) return false;
    const [row] = await this.connection.read<{ changes: number; lineageChanges: number }>(
      LINEAGE_CHANGES_BETWEEN,
      { since, until },
    );
    // Every version in between must be accounted for by its record.
    return row?.changes === until - since && row.lineageChanges === 0;
  }

  /** Rebuilds unless a build is running (then waits for that one). */
  refresh(): Promise<void> {
    this.building ??= this.build()
      .catch((error: Error) => this.onError(error))
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }

  status(): ProjectionStatus {
    return {
      version: this.held?.version,
      nodes: this.held?.graph.ids.length ?? 0,
      edges: this.held?.graph.edgeChild.length ?? 0,
      buildMs: this.lastBuildMs,
      building: this.building !== undefined,
      served: this.served,
      fallbacks: this.fallbacks,
    };
  }

  /**
   * Reads the lineage between two reads of the graph version. A write committed during the scan
   * changes the version, and the scan is thrown away: the projection is never a mix of two
   * versions. Under a steady stream of writes it may never settle; callers then stay on Cypher.
   */
  private async build(): Promise<void> {
    const started = performance.now();
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await graphVersion(this.connection);
      if (this.held && this.held.version >= before) return;
      const graph = await this.readLineage();
      if ((await graphVersion(this.connection)) !== before) continue;
      // A query may have moved the held projection past `before` meanwhile: keep the newer.
      if (this.held && this.held.version >= before) return;
      this.held = { version: before, graph };
      this.lastBuildMs = performance.now() - started;
      return;
    }
  }

  private async readLineage(): Promise<LineageGraph> {
    const rows = await this.connection.read<{
      id: string;
      kind: NodeKind;
      releasedAt: string | null;
      retiredAt: string | null;
      parents: ParentTuple[];
    }>(
      WHOLE_LINEAGE,
      { kinds: LINEAGE_KINDS },
      // A scan of the whole graph: seconds at a million nodes, longer than a request may take.
      { timeoutMs: 600_000 },
    );
    const edges: LineageEdgeInput[] = [];
    for (const row of rows) {
      for (const [to, type, declared, validFrom, validTo] of row.parents) {
        edges.push({ from: row.id, to, type, declared: declared !== false, validFrom, validTo });
      }
    }
    return buildLineageGraph(rows, edges);
  }
}
