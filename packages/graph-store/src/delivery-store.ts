import neo4j from 'neo4j-driver';
import type { Connection } from './connection';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/** One event for one webhook, and every attempt to send it. */
export interface StoredDelivery {
  id: string;
  /** `webhookId|event key`: the same event is delivered to a webhook once, whoever finds it. */
  key: string;
  webhookId: string;
  url: string;
  event: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

const DELIVERY_FIELDS = `d.id AS id, d.key AS key, d.webhookId AS webhookId, d.url AS url,
  d.event AS event, d.payload AS payload, d.status AS status, d.attempts AS attempts,
  d.responseStatus AS responseStatus, d.lastError AS lastError, toString(d.createdAt) AS createdAt,
  toString(d.deliveredAt) AS deliveredAt,
  CASE WHEN d.status = 'PENDING' THEN toString(d.nextAttemptAt) END AS nextAttemptAt`;

// MERGE on the unique key: a second finder (another replica, a repeated scan) gets the
// existing record back and `created` false, so it sends nothing.
const CLAIM_DELIVERY = `
  MERGE (d:WebhookDelivery {key: $key})
  ON CREATE SET d.id = $id, d.webhookId = $webhookId, d.url = $url, d.event = $event,
                d.payload = $payload, d.status = 'PENDING', d.attempts = 0,
                d.createdAt = datetime(), d.nextAttemptAt = datetime()
  RETURN d.id = $id AS created`;

// Leased before sending: the next attempt time moves past the send's timeout, so another
// replica polling meanwhile does not send it too. The lease is taken under the node's write
// lock, and the due time is checked again after it.
const LEASE_DUE = `
  MATCH (d:WebhookDelivery) WHERE d.status = 'PENDING' AND d.nextAttemptAt <= datetime()
  WITH d ORDER BY d.nextAttemptAt LIMIT $limit
  SET d.leasedBy = $lease
  WITH d WHERE d.nextAttemptAt <= datetime() AND d.leasedBy = $lease
  SET d.nextAttemptAt = datetime() + duration({milliseconds: $leaseMs})
  RETURN ${DELIVERY_FIELDS}`;

const RECORD_ATTEMPT = `
  MATCH (d:WebhookDelivery {id: $id})
  SET d.attempts = d.attempts + 1, d.responseStatus = $responseStatus, d.lastError = $lastError,
      d.status = $status,
      d.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN datetime() END,
      d.nextAttemptAt = CASE WHEN $status = 'PENDING'
        THEN datetime() + duration({milliseconds: $retryInMs}) END
  REMOVE d.leasedBy`;

const LIST_DELIVERIES = `
  MATCH (d:WebhookDelivery) WHERE $webhookId IS NULL OR d.webhookId = $webhookId
  RETURN ${DELIVERY_FIELDS}
  ORDER BY d.createdAt DESC, d.id
  LIMIT $limit`;

export interface NewDelivery {
  id: string;
  key: string;
  webhookId: string;
  url: string;
  event: string;
  payload: string;
}

export async function claimDelivery(connection: Connection, delivery: NewDelivery) {
  const [row] = await connection.write<{ created: boolean }>(CLAIM_DELIVERY, { ...delivery });
  return row?.created === true;
}

export async function leaseDueDeliveries(
  connection: Connection,
  options: { lease: string; leaseMs: number; limit: number },
): Promise<StoredDelivery[]> {
  return connection.write<StoredDelivery>(LEASE_DUE, {
    lease: options.lease,
    leaseMs: neo4j.int(options.leaseMs),
    limit: neo4j.int(options.limit),
  });
}

export interface DeliveryAttempt {
  status: DeliveryStatus;
  responseStatus: number | null;
  lastError: string | null;
  /** When status is PENDING: how long until the next attempt. */
  retryInMs: number;
}

export async function recordAttempt(connection: Connection, id: string, attempt: DeliveryAttempt) {
  await connection.write(RECORD_ATTEMPT, {
    id,
    ...attempt,
    responseStatus: attempt.responseStatus === null ? null : neo4j.int(attempt.responseStatus),
    retryInMs: neo4j.int(attempt.retryInMs),
  });
}

/** The delivery log, newest first, of one webhook or all. */
export async function listDeliveries(
  connection: Connection,
  filter: { webhookId?: string; limit: number },
): Promise<StoredDelivery[]> {
  return connection.read<StoredDelivery>(LIST_DELIVERIES, {
    webhookId: filter.webhookId ?? null,
    limit: neo4j.int(filter.limit),
  });
}
