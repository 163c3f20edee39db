import {
  CLEARABLE_FIELDS,
  describeIssues,
  validationError,
  relationshipInputSchema,
  relationshipKey,
  triageInputSchema,
  type TriageInput,
  type DefectStatus,
  type EntityInput,
  type RelationshipInput,
  type RelationType,
} from '@lineage/domain';
import type { GraphStore } from '@lineage/graph-store';

/** Who writes and why: the token's name (or `cli`) and the action, for the audit trail. */
export interface Author {
  by: string;
  action: string;
}

interface Written {
  graphVersion: number;
}

type RelationshipKey = { type: RelationType; from: string; to: string };

/**
 * A person's write is curated: a bare name in a later import may join what they wrote. The
 * record says who (the token's name), never a caller's own claim of origin.
 */
function byPerson<T extends EntityInput | RelationshipInput>(input: T, author: Author): T {
  return { ...input, origin: 'api', recordedFrom: `${author.action} by ${author.by}` };
}

/**
 * Changing the graph. Each call is one audited transaction that decides under the write lock
 * (graph-store's write), changes only what its input names, and returns the graph version and
 * what is stored after it: as a function, read only when the caller asks for it (GraphQL calls
 * it when the field is selected), since a read-back is a transaction of its own and a writer
 * feeding lineage at ten writes a second mostly asks for the version alone.
 */
export class WriteService {
  constructor(private readonly store: GraphStore) {}

  /** A node, and the link to its developer or operator when one is named. */
  async upsertNode(node: EntityInput, owner: RelationshipInput | undefined, author: Author) {
    const report = await this.store.write(
      {
        nodes: [byPerson(node, author)],
        relationships: owner ? [byPerson(owner, author)] : [],
      },
      { ...author, summary: `${node.kind} ${node.id}` },
    );
    return { node: () => this.store.getEntity(node.id), graphVersion: report.graphVersion };
  }

  /** A defect and the nodes it was found in (its origins). */
  async fileDefect(defect: EntityInput, origins: RelationshipInput[], author: Author) {
    const report = await this.store.write(
      {
        nodes: [byPerson(defect, author)],
        relationships: origins.map((origin) => byPerson(origin, author)),
      },
      { ...author, summary: `defect ${defect.id} on ${origins.length} origin(s)` },
    );
    return { defect: () => this.store.getEntity(defect.id), graphVersion: report.graphVersion };
  }

  /** A patch merged with the stored defect under the write lock: nothing else is rewritten. */
  async setDefectStatus(id: string, status: DefectStatus, author: Author) {
    const report = await this.store.write(
      { nodes: [], relationships: [], patches: [{ id, kinds: ['Defect'], set: { status } }] },
      { ...author, summary: `${id} is now ${status}` },
    );
    return { defect: () => this.store.getEntity(id), graphVersion: report.graphVersion };
  }

  /** Links (or links again, changing what the input names) and returns it as stored. */
  async link(relationship: RelationshipInput, author: Author, summary?: string) {
    const report = await this.store.write(
      { nodes: [], relationships: [byPerson(relationship, author)] },
      { ...author, summary: summary ?? `${relationshipKey(relationship)}` },
    );
    return {
      relationship: () => this.store.storedRelationship(relationship),
      graphVersion: report.graphVersion,
    };
  }

  async unlink(key: RelationshipKey, author: Author, summary?: string): Promise<Written> {
    const report = await this.store.removeRelationships([key], {
      ...author,
      summary: summary ?? `removed ${relationshipKey(key)}`,
    });
    return { graphVersion: report.graphVersion };
  }

  /**
   * A person's analysis of a defect at a node, replacing the last one: the state, its
   * justification and note as given (left out: none), who (the author) and when (now).
   */
  async setTriage(input: TriageInput, author: Author) {
    const parsed = triageInputSchema.safeParse(input);
    if (!parsed.success) {
      throw validationError('the triage is not valid', describeIssues(parsed.error));
    }
    const triage = parsed.data;
    const key = { type: 'TRIAGED' as const, from: triage.nodeId, to: triage.defectId };
    const relationship = relationshipInputSchema.parse({
      ...key,
      state: triage.state,
      justification: triage.justification,
      note: triage.note,
      triagedBy: author.by,
      triagedAt: new Date().toISOString(),
      unset: CLEARABLE_FIELDS.Triage.filter((field) => triage[field] === undefined),
    });
    const why = triage.justification ? ` (${triage.justification})` : '';
    return this.link(
      relationship,
      author,
      `triage of ${triage.nodeId} for ${triage.defectId}: ${triage.state}${why}`,
    );
  }

  clearTriage(defectId: string, nodeId: string, author: Author) {
    return this.unlink(
      { type: 'TRIAGED', from: nodeId, to: defectId },
      author,
      `triage of ${nodeId} for ${defectId} cleared`,
    );
  }
}
