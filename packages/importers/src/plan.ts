import type { EntityInput, GraphBatch, NodeKind, RelationshipInput } from '@lineage/domain';
import type { MatchRecord } from './matching/name-resolver';
import type { ReviewDecision } from './matching/review-decisions';

/** A stored node a name may mean. */
export interface StoredCandidate {
  id: string;
  kind: NodeKind;
  name: string;
  /** Written by the seed, a person or a review: only such a node may stand for a bare name. */
  curated: boolean;
  /** The providers it is DEVELOPED_BY or OPERATED_BY. */
  developers: string[];
}

/** A dated snapshot of a stored family (SNAPSHOT_OF), and when the family's name pointed to it. */
export interface StoredSnapshot {
  id: string;
  kind: NodeKind;
  name: string;
  version?: string;
  releasedAt?: string;
  /** The family's POINTS_TO periods to it, `[validFrom, validTo)`, an end open when absent. */
  pointedTo: { validFrom?: string; validTo?: string }[];
}

/** What the store offers importers for reconciliation (graph-store implements it). */
export interface NodeLookup {
  /** Stored nodes each name may mean, by normalised name, alias or id slug. */
  matchNames(names: string[]): Promise<Map<string, StoredCandidate[]>>;
  /** The kinds of the ids that are stored. */
  kindsOf(ids: string[]): Promise<Map<string, NodeKind>>;
  /** The stored node each id names when letter case is ignored, keyed by the id asked. */
  storedIdsFolded(ids: string[]): Promise<Map<string, { id: string; kind: NodeKind }>>;
  /** The reviewed match decisions every import honours (`lineage review`). */
  reviewDecisions(): Promise<ReviewDecision[]>;
  /**
   * Each organisation's nodes (under its hub owners, or developed or operated by its provider),
   * by provider id, with their aliases: owner-confirmed names are compared by exact key, whatever
   * the full-text index makes of their words ("Phi-1.5" and `phi-1_5`). Optional for fakes.
   */
  nodesOwnedBy?(
    owners: { providerId: string; hubOwners: string[] }[],
  ): Promise<Map<string, (StoredCandidate & { aliases: string[] })[]>>;
  /**
   * Each stored family's snapshots, by family id: its SNAPSHOT_OF members and what its name
   * POINTS_TO, with those periods (a version or a date names one). Optional for fakes.
   */
  snapshotsOf?(familyIds: string[]): Promise<Map<string, StoredSnapshot[]>>;
  /** The release day of each stored node that states one, by id. Optional for fakes. */
  releasedAtOf?(ids: string[]): Promise<Map<string, string>>;
}

/** What an import found besides the records it writes, each line naming where and why. */
export interface ImportNotes {
  /** References that match nothing, listed, never forced into a node. */
  unresolved: string[];
  /** Names that could mean several nodes: never merged silently. */
  ambiguous: string[];
  duplicates: string[];
  selfLoops: string[];
  /** Edges refused because they lie on a dependency cycle. */
  cycles: string[];
  /** Records read but not filed, or inconsistent within the source, and why. */
  remarks: string[];
}

export interface ImportPlan {
  format: string;
  /** Records read from the files. */
  records: number;
  batch: GraphBatch;
  /** Stored nodes the import links to without changing them. */
  linked: number;
  notes: ImportNotes;
  /** Every name the import tied, or failed to tie, to a stored node: what `--plan` writes. */
  matches: MatchRecord[];
}

export function emptyNotes(): ImportNotes {
  return {
    unresolved: [],
    ambiguous: [],
    duplicates: [],
    selfLoops: [],
    cycles: [],
    remarks: [],
  };
}

/** Collects a plan's nodes and relationships, each once. */
export class BatchBuilder {
  private readonly nodes = new Map<string, EntityInput>();
  private readonly relationships = new Map<string, RelationshipInput>();

  addNode(node: EntityInput): void {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  addRelationship(relationship: RelationshipInput): void {
    const key = `${relationship.from}|${relationship.type}|${relationship.to}`;
    if (!this.relationships.has(key)) this.relationships.set(key, relationship);
  }

  build(): GraphBatch {
    return { nodes: [...this.nodes.values()], relationships: [...this.relationships.values()] };
  }
}
