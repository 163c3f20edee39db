import { DomainError } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import { changeRecord, lockWrites, RECORD_CHANGE, type ChangeInfo } from './write-store';

/** A deployment marked as one of ours: who owns it, whom to tell, and tags to group by. */
export interface WatchInput {
  deploymentId: string;
  owner: string;
  contact?: string;
  tags: string[];
}

export interface StoredWatch extends WatchInput {
  /** Who marked it, and when. */
  by: string;
  at: string;
}

const FIND_DEPLOYMENT = `
  MATCH (n:Entity) USING INDEX SEEK n:Entity(id) WHERE n.id = $id
  RETURN n.kind AS kind`;

const WATCH_FIELDS = `w.deploymentId AS deploymentId, w.owner AS owner, w.contact AS contact,
  w.tags AS tags, w.by AS by, toString(w.at) AS at`;

// Replaced as a whole: a watch states the owner's current view, not a merge of several.
const SAVE_WATCH = `
  MERGE (w:Watch {deploymentId: $deploymentId})
  SET w = {deploymentId: $deploymentId, owner: $owner, contact: $contact, tags: $tags,
           by: $by, at: datetime()}
  RETURN ${WATCH_FIELDS}`;

const DELETE_WATCH = `
  MATCH (w:Watch {deploymentId: $deploymentId})
  DELETE w
  RETURN count(*) AS removed`;

// Watches of deployments removed since are left out, not listed as broken.
const LIST_WATCHES = `
  MATCH (w:Watch)
  WHERE ($owner IS NULL OR w.owner = $owner) AND ($tag IS NULL OR $tag IN w.tags)
    AND EXISTS { MATCH (:Entity {id: w.deploymentId}) }
  RETURN ${WATCH_FIELDS}
  ORDER BY w.owner, w.deploymentId
  LIMIT $limit`;

type WatchRow = Omit<StoredWatch, 'contact'> & { contact: string | null };

const withoutNullContact = ({ contact, ...watch }: WatchRow): StoredWatch =>
  contact ? { ...watch, contact } : watch;

/**
 * Marks a deployment as watched (replacing an earlier watch of it), under the write lock and
 * audited. It changes who is told, not the lineage: the Change says lineageChanged: false.
 */
export async function recordWatch(
  connection: Connection,
  input: WatchInput,
  change: ChangeInfo,
): Promise<{ watch: StoredWatch; graphVersion: number }> {
  return connection.inWriteTransaction(async (tx) => {
    await lockWrites(tx);
    const found = await tx.run(FIND_DEPLOYMENT, { id: input.deploymentId });
    const kind = found.records[0]?.get('kind') as string | undefined;
    if (!kind)
      throw new DomainError('NOT_FOUND', `no stored deployment '${input.deploymentId}'`, {
        id: input.deploymentId,
      });
    if (kind !== 'Deployment')
      throw new DomainError(
        'VALIDATION',
        `'${input.deploymentId}' is a ${kind}: only deployments (products) are watched`,
        { id: input.deploymentId },
      );
    const saved = await tx.run(SAVE_WATCH, {
      ...input,
      contact: input.contact ?? null,
      by: change.by,
    });
    const watch = withoutNullContact(saved.records[0]!.toObject() as WatchRow);
    const recorded = await tx.run(
      RECORD_CHANGE,
      changeRecord(change, {}, false, undefined, [input.deploymentId]),
    );
    return { watch, graphVersion: recorded.records[0]?.get('graphVersion') as number };
  });
}

/** Stops watching a deployment, audited; one not watched is NOT_FOUND. */
export async function removeWatch(
  connection: Connection,
  deploymentId: string,
  change: ChangeInfo,
): Promise<{ graphVersion: number }> {
  return connection.inWriteTransaction(async (tx) => {
    await lockWrites(tx);
    const result = await tx.run(DELETE_WATCH, { deploymentId });
    if (!(result.records[0]?.get('removed') as number))
      throw new DomainError('NOT_FOUND', `'${deploymentId}' is not watched`, { deploymentId });
    const recorded = await tx.run(
      RECORD_CHANGE,
      changeRecord(change, {}, false, undefined, [deploymentId]),
    );
    return { graphVersion: recorded.records[0]?.get('graphVersion') as number };
  });
}

/** The watches, by owner then deployment, optionally of one owner or with one tag. */
export async function listWatches(
  connection: Connection,
  filter: { owner?: string; tag?: string; limit: number },
): Promise<StoredWatch[]> {
  const rows = await connection.read<WatchRow>(LIST_WATCHES, {
    owner: filter.owner ?? null,
    tag: filter.tag ?? null,
    limit: neo4j.int(filter.limit),
  });
  return rows.map(withoutNullContact);
}
