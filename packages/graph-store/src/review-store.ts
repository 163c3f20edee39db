import { DomainError, type NodeKind } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import type { StoredReviewDecision } from './lookup-store';
import { changeRecord, lockWrites, RECORD_CHANGE, type ChangeInfo } from './write-store';

/** A decision to store: `key` is the importers' decisionKey(name, owner), how imports find it. */
export interface ReviewDecisionInput {
  key: string;
  name: string;
  owner: string;
  id: string;
  verdict: 'accept' | 'reject';
  note?: string;
}

export interface ReviewReport {
  decision: StoredReviewDecision;
  /** False when the same decision was already stored: nothing written, nothing audited. */
  changed: boolean;
  graphVersion: number;
}

const FIND_NODE = `
  MATCH (n:Entity) USING INDEX SEEK n:Entity(id) WHERE n.id = $id
  RETURN n.kind AS kind`;

const FIND_DECISION = `
  MATCH (d:MatchDecision {key: $key})
  RETURN d.name AS name, d.owner AS owner, d.id AS id, d.kind AS kind, d.verdict AS verdict,
         d.by AS by, toString(d.at) AS at, d.note AS note`;

// The node is replaced as a whole: a decision is one person's answer, not a merge of several.
const SAVE_DECISION = `
  MERGE (d:MatchDecision {key: $key})
  SET d = {key: $key, name: $name, owner: $owner, id: $id, kind: $kind, verdict: $verdict,
           by: $by, at: datetime(), note: $note}
  RETURN d.name AS name, d.owner AS owner, d.id AS id, d.kind AS kind, d.verdict AS verdict,
         d.by AS by, toString(d.at) AS at, d.note AS note`;

const DELETE_DECISION = `
  MATCH (d:MatchDecision {key: $key})
  DELETE d
  RETURN count(*) AS removed`;

const LIST_DECISIONS = `
  MATCH (d:MatchDecision) WHERE $after IS NULL OR d.key > $after
  RETURN d.key AS key, d.name AS name, d.owner AS owner, d.id AS id, d.kind AS kind,
         d.verdict AS verdict, d.by AS by, toString(d.at) AS at, d.note AS note
  ORDER BY d.key
  LIMIT $limit`;

type DecisionRow = Omit<StoredReviewDecision, 'note'> & { note: string | null };

const withoutNullNote = ({ note, ...decision }: DecisionRow): StoredReviewDecision =>
  note ? { ...decision, note } : decision;

const describe = (d: { name: string; owner: string }) =>
  `'${d.name}'${d.owner ? ` (owner '${d.owner}')` : ''}`;

/**
 * Stores a person's answer to a proposed match, replacing an earlier one for the same name and
 * owner, under the write lock and audited. It changes what later imports decide, not the
 * lineage itself, so the Change says lineageChanged: false. The node named must exist.
 */
export async function recordReviewDecision(
  connection: Connection,
  input: ReviewDecisionInput,
  change: ChangeInfo,
): Promise<ReviewReport> {
  return connection.inWriteTransaction(async (tx) => {
    const lockedVersion = await lockWrites(tx);
    const node = await tx.run(FIND_NODE, { id: input.id });
    const kind = node.records[0]?.get('kind') as NodeKind | undefined;
    if (!kind)
      throw new DomainError(
        'NOT_FOUND',
        `no stored node '${input.id}': a review decision must name a stored node`,
        { id: input.id },
      );
    const stored = await tx.run(FIND_DECISION, { key: input.key });
    const before = stored.records[0]?.toObject() as DecisionRow | undefined;
    const note = input.note ?? null;
    if (
      before &&
      before.id === input.id &&
      before.verdict === input.verdict &&
      before.name === input.name &&
      before.owner === input.owner &&
      before.note === note
    )
      return { decision: withoutNullNote(before), changed: false, graphVersion: lockedVersion };

    const saved = await tx.run(SAVE_DECISION, { ...input, kind, note, by: change.by });
    const decision = withoutNullNote(saved.records[0]!.toObject() as DecisionRow);
    const recorded = await tx.run(RECORD_CHANGE, changeRecord(change, {}, false));
    return {
      decision,
      changed: true,
      graphVersion: recorded.records[0]?.get('graphVersion') as number,
    };
  });
}

/** Removes the decision for a name and owner, audited; naming one never made is NOT_FOUND. */
export async function removeReviewDecision(
  connection: Connection,
  key: string,
  named: { name: string; owner: string },
  change: ChangeInfo,
): Promise<{ graphVersion: number }> {
  return connection.inWriteTransaction(async (tx) => {
    await lockWrites(tx);
    const result = await tx.run(DELETE_DECISION, { key });
    if (!(result.records[0]?.get('removed') as number))
      throw new DomainError('NOT_FOUND', `no review decision for ${describe(named)}`, named);
    const recorded = await tx.run(RECORD_CHANGE, changeRecord(change, {}, false));
    return { graphVersion: recorded.records[0]?.get('graphVersion') as number };
  });
}

/** The stored decisions in key order, a page at a time (`after`: the last key seen). */
export async function listReviewDecisions(
  connection: Connection,
  page: { first: number; after?: string },
): Promise<(StoredReviewDecision & { key: string })[]> {
  const rows = await connection.read<DecisionRow & { key: string }>(LIST_DECISIONS, {
    after: page.after ?? null,
    limit: neo4j.int(page.first),
  });
  return rows.map((row) => ({ ...withoutNullNote(row), key: row.key }));
}
