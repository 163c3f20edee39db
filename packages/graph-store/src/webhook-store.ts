import { DomainError } from '@lineage/domain';
import neo4j from 'neo4j-driver';
import type { Connection } from './connection';
import { changeRecord, lockWrites, RECORD_CHANGE, type ChangeInfo } from './write-store';

/** Whom to call, for which watched products, about what. */
export interface WebhookInput {
  url: string;
  /** Only products watched by this owner, or with this tag; neither: every watched product. */
  owner?: string;
  tag?: string;
  events: string[];
}

export interface StoredWebhook extends WebhookInput {
  id: string;
  by: string;
  at: string;
  /** The graph version the webhook's alerts were last worked out at. */
  version: number;
  /** `deploymentId|defectId` of the open exposures seen then, and the products then watched. */
  exposures: string[];
  watched: string[];
}

const WEBHOOK_FIELDS = `h.id AS id, h.url AS url, h.owner AS owner, h.tag AS tag, h.events AS events,
  h.by AS by, toString(h.at) AS at, h.version AS version, h.exposures AS exposures,
  h.watched AS watched`;

const CREATE_WEBHOOK = `
  CREATE (h:Webhook {id: $id, url: $url, owner: $owner, tag: $tag, events: $events,
                     secret: $secret, by: $by, at: datetime(), version: $version,
                     exposures: $exposures, watched: $watched})
  RETURN ${WEBHOOK_FIELDS}`;

// Its deliveries stay: the log of what was sent outlives the subscription.
const DELETE_WEBHOOK = `
  MATCH (h:Webhook {id: $id})
  DELETE h
  RETURN count(*) AS removed`;

const LIST_WEBHOOKS = `
  MATCH (h:Webhook)
  RETURN ${WEBHOOK_FIELDS}
  ORDER BY h.at, h.id
  LIMIT $limit`;

const WEBHOOK_SECRET = `MATCH (h:Webhook {id: $id}) RETURN h.secret AS secret`;

// Only moves forward: two replicas working out the same versions agree, and an older
// answer arriving late never replaces a newer one.
const ADVANCE_WEBHOOK = `
  MATCH (h:Webhook {id: $id}) WHERE h.version < $version
  SET h.version = $version, h.exposures = $exposures, h.watched = $watched`;

type WebhookRow = Omit<StoredWebhook, 'owner' | 'tag'> & {
  owner: string | null;
  tag: string | null;
};

const fromRow = ({ owner, tag, ...rest }: WebhookRow): StoredWebhook => ({
  ...rest,
  ...(owner ? { owner } : {}),
  ...(tag ? { tag } : {}),
});

/** Subscribes a URL, audited; `baseline` is what is already open, so it is never announced. */
export async function recordWebhook(
  connection: Connection,
  input: WebhookInput & { id: string; secret: string },
  baseline: { version: number; exposures: string[]; watched: string[] },
  change: ChangeInfo,
): Promise<{ webhook: StoredWebhook; graphVersion: number }> {
  return connection.inWriteTransaction(async (tx) => {
    await lockWrites(tx);
    const created = await tx.run(CREATE_WEBHOOK, {
      ...input,
      owner: input.owner ?? null,
      tag: input.tag ?? null,
      by: change.by,
      version: neo4j.int(baseline.version),
      exposures: baseline.exposures,
      watched: baseline.watched,
    });
    const recorded = await tx.run(RECORD_CHANGE, changeRecord(change, {}, false, undefined, []));
    return {
      webhook: fromRow(created.records[0]!.toObject() as WebhookRow),
      graphVersion: recorded.records[0]?.get('graphVersion') as number,
    };
  });
}

export async function removeWebhook(
  connection: Connection,
  id: string,
  change: ChangeInfo,
): Promise<{ graphVersion: number }> {
  return connection.inWriteTransaction(async (tx) => {
    await lockWrites(tx);
    const result = await tx.run(DELETE_WEBHOOK, { id });
    if (!(result.records[0]?.get('removed') as number))
      throw new DomainError('NOT_FOUND', `no webhook '${id}'`, { id });
    const recorded = await tx.run(RECORD_CHANGE, changeRecord(change, {}, false, undefined, []));
    return { graphVersion: recorded.records[0]?.get('graphVersion') as number };
  });
}

export async function listWebhooks(connection: Connection, limit: number) {
  const rows = await connection.read<WebhookRow>(LIST_WEBHOOKS, { limit: neo4j.int(limit) });
  return rows.map(fromRow);
}

/** The signing secret, read only by the sender, never listed. */
export async function webhookSecret(connection: Connection, id: string) {
  const [row] = await connection.read<{ secret: string }>(WEBHOOK_SECRET, { id });
  return row?.secret;
}

/** Not a change of the graph: no Change record, no new version (that would wake every replica). */
export async function advanceWebhook(
  connection: Connection,
  id: string,
  state: { version: number; exposures: string[]; watched: string[] },
) {
  await connection.write(ADVANCE_WEBHOOK, { id, ...state, version: neo4j.int(state.version) });
}

const TRIAGE_CHANGES = `
  MATCH (c:Change)
  WHERE c.graphVersion > $since AND c.graphVersion <= $until
    AND c.action IN ['setTriage', 'clearTriage']
  RETURN c.graphVersion AS version, c.action AS action, c.by AS by, toString(c.at) AS at,
         c.summary AS summary, coalesce(c.touchedIds, []) AS touched
  ORDER BY version`;

/** A triage recorded or cleared between two graph versions, with the ids it touched. */
export interface TriageChange {
  version: number;
  action: 'setTriage' | 'clearTriage';
  by: string;
  at: string;
  summary: string;
  touched: string[];
}

export async function triageChangesBetween(connection: Connection, since: number, until: number) {
  return connection.read<TriageChange>(TRIAGE_CHANGES, {
    since: neo4j.int(since),
    until: neo4j.int(until),
  });
}
