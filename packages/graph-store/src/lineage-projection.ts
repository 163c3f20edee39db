import {
  applyLineageDeltas,
  buildLineageGraph,
  compactLineageGraph,
  overlayShare,
  LINEAGE_KINDS,
  nodeCount,
  type LineageEdgeInput,
  type LineageGraph,
  type LineageNodeInput,
  type LineageRelation,
  type NodeKind,
} from '@lineage/domain';
import { ChangeFeed } from './change-feed';
import type { Connection } from './connection';
import { deltasBetween, edgeToUnknownNode, scanAfterDeltas } from './lineage-deltas';
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

type ParentTuple = [string, LineageRelation, boolean | null, string | null, string | null];

export interface ProjectionStatus {
  /** The graph version whose lineage it holds; undefined before the first build. */
  version: number | undefined;
  nodes: number;
  edges: number;
  /** How long the last build took, in milliseconds. */
  buildMs: number;
  building: boolean;
  /** Impact queries it answered, and those that fell back to Cypher because it was stale. */
  served: number;
  fallbacks: number;
  /** Writes' lineage deltas applied since the process started, instead of rebuilding. */
  deltasApplied: number;
  /** How long the last catch-up took to apply its deltas, in milliseconds. */
  applyMs: number;
  /** Whole rebuilds done (the first build included). */
  rebuilds: number;
  /** Catch-ups that met a write without a usable delta (so rebuilt instead). */
  deltasMissing: number;
  /** Times the applied deltas were folded back into plain arrays, and the last one's cost. */
  compactions: number;
  compactMs: number;
}

/**
 * The share of rows replaced by deltas past which the projection folds them back into plain
 * arrays: the overlay's lookups slow the search a little (1.1x at 1M after 1,000 deltas), and
 * compacting a 1M-node lineage takes about 3 s, so it is worth doing rarely.
 */
const COMPACT_AT_SHARE = 0.05;

interface Held {
  version: number;
  graph: LineageGraph;
}

export interface LineageProjectionOptions {
  /** Told of a failed build or catch-up (queries then fall back to Cypher). */
  onError?: (error: Error) => void;
  /** The share of replaced rows past which it compacts (tests lower it). */
  compactAtShare?: number;
  /** The Change records it reads deltas from, shared with other readers of the same writes. */
  changes?: ChangeFeed;
}

/**
 * The whole lineage held in memory as typed arrays, so an impact query over a hub of a
 * million-node graph is a breadth-first search in memory rather than a fetch of its closure.
 *
 * Neo4j stays the system of record. Each write bumps the graph version and records, on its
 * Change, what it did to the lineage (a delta, see lineage-delta-record.ts). Callers pass the
 * version they just read; a projection held at an older one reads the deltas in between and
 * applies them in version order (shared by concurrent queries), so every version is answered
 * from memory. Where a delta is missing (a write too large to record one, an older record) or
 * names a node the projection does not hold, it returns `undefined`: the caller falls back to
 * Cypher while a rebuild runs in the background. A read after a write never sees the lineage
 * as it was before that write.
 */
export class LineageProjection {
  private held: Held | undefined;
  private building: Promise<void> | undefined;
  private catchingUp: Promise<boolean> | undefined;
  /** The newest version a query has asked for: a running catch-up goes that far. */
  private wanted = 0;
  /** A version whose write cannot be applied as a delta: only a rebuild gets past it. */
  private gap = Infinity;
  private lastBuildMs = 0;
  private lastApplyMs = 0;
  private lastCompactMs = 0;
  private compacting: NodeJS.Immediate | undefined;
  private counts = {
    served: 0,
    fallbacks: 0,
    deltasApplied: 0,
    rebuilds: 0,
    deltasMissing: 0,
    compactions: 0,
  };

  private readonly onError: (error: Error) => void;
  private readonly compactAtShare: number;
  private readonly changes: ChangeFeed;

  constructor(
    private readonly connection: Connection,
    options: LineageProjectionOptions = {},
  ) {
    this.onError = options.onError ?? (() => {});
    this.compactAtShare = options.compactAtShare ?? COMPACT_AT_SHARE;
    this.changes = options.changes ?? ChangeFeed.of(connection);
  }

  /**
   * The lineage at graph version `version`, or at a later one: a query that read version V
   * while another moved the projection on gets the newer lineage, as a Cypher fetch made then
   * would (never an older one). Undefined when it cannot be had from memory; a rebuild starts.
   */
  async at(version: number): Promise<LineageGraph | undefined> {
    const graph = await this.graphAt(version);
    if (graph) {
      this.counts.served++;
      return graph;
    }
    this.counts.fallbacks++;
    void this.refresh();
    return undefined;
  }

  private async graphAt(version: number): Promise<LineageGraph | undefined> {
    for (;;) {
      const held = this.held;
      if (!held) return undefined;
      if (held.version >= version) return held.graph;
      if (held.version < this.gap && this.gap <= version) return undefined;
      this.wanted = Math.max(this.wanted, version);
      // Concurrent queries share one step; one that joined a step already under way (started
      // before its version was wanted) takes the next.
      this.catchingUp ??= this.catchUpStep().finally(() => {
        this.catchingUp = undefined;
      });
      if (!(await this.catchingUp)) return undefined;
    }
  }

  /**
   * Applies, in one query and one application, the deltas from the held version to the newest
   * one asked for. False when a delta is missing or names a node not held.
   */
  private async catchUpStep(): Promise<boolean> {
    const held = this.held;
    const until = this.wanted;
    if (!held || held.version >= until) return true;
    const found = await deltasBetween(this.changes, held.version, until);
    if (this.held !== held) return true; // a rebuild replaced it meanwhile: look again
    // A delta that is missing, or whose edge names a node not held (a write this code does not
    // know, or a defect in recording): only a rebuild gets past that version.
    if ('missing' in found || edgeToUnknownNode(held.graph, found.deltas)) {
      this.gap = 'missing' in found ? found.missing : held.version + 1;
      this.counts.deltasMissing++;
      return false;
    }
    let graph = held.graph;
    if (found.deltas.length) {
      const started = performance.now();
      graph = applyLineageDeltas(held.graph, found.deltas);
      this.lastApplyMs = performance.now() - started;
      this.counts.deltasApplied += found.deltas.length;
    }
    this.held = { version: until, graph };
    if (overlayShare(graph) > this.compactAtShare) this.compactSoon();
    return true;
  }

  /**
   * Folds the overlay back into plain arrays after the queries already waiting have run. It is
   * synchronous, so no delta lands while it runs; the result replaces the held graph only if
   * nothing replaced that one meanwhile (a query still holding the overlay graph keeps it).
   */
  private compactSoon() {
    this.compacting ??= setImmediate(() => {
      this.compacting = undefined;
      const held = this.held;
      if (!held || overlayShare(held.graph) <= this.compactAtShare) return;
      const started = performance.now();
      const graph = compactLineageGraph(held.graph);
      this.lastCompactMs = performance.now() - started;
      this.counts.compactions++;
      if (this.held === held) this.held = { version: held.version, graph };
    });
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
      nodes: this.held ? nodeCount(this.held.graph) : 0,
      edges: this.held?.graph.edgeChild.length ?? 0,
      buildMs: this.lastBuildMs,
      building: this.building !== undefined,
      ...this.counts,
      applyMs: this.lastApplyMs,
      compactMs: this.lastCompactMs,
    };
  }

  /**
   * Reads the lineage between two reads of the graph version. Writes committed during the scan
   * are brought in from their deltas (each row scanned is the state at some version in between;
   * deltas are states, so the last one of each node or edge wins); only when one is missing is
   * the scan read again.
   */
  private async build(): Promise<void> {
    const started = performance.now();
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await graphVersion(this.connection);
      if (this.held && this.held.version >= before) return;
      let { nodes, edges } = await this.readLineage();
      const after = await graphVersion(this.connection);
      if (after !== before) {
        const found = await deltasBetween(this.changes, before, after);
        if ('missing' in found) continue;
        ({ nodes, edges } = scanAfterDeltas(nodes, edges, found.deltas));
      }
      const graph = buildLineageGraph(nodes, edges);
      // A catch-up may have moved the held projection past `after` meanwhile: keep the newer.
      if (this.held && this.held.version >= after) return;
      this.held = { version: after, graph };
      this.lastBuildMs = performance.now() - started;
      this.counts.rebuilds++;
      return;
    }
  }

  /** The whole lineage as read by one scan (protected: a test lands writes inside the scan). */
  protected async readLineage(): Promise<{ nodes: LineageNodeInput[]; edges: LineageEdgeInput[] }> {
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
    return { nodes: rows, edges };
  }
}
