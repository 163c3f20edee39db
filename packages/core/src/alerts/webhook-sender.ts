import { createHmac } from 'node:crypto';

/** How deliveries are sent and retried. */
export interface DeliveryPolicy {
  /** The wait before the first retry; each further retry waits twice as long, up to an hour. */
  retryBaseMs: number;
  /** Attempts in all before a delivery is given up as FAILED. */
  maxAttempts: number;
  /** How long one attempt may take. */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  retryBaseMs: 30_000,
  maxAttempts: 8,
  timeoutMs: 10_000,
};

const MAX_RETRY_WAIT_MS = 3_600_000;

/** The wait after the given failed attempt (1 for the first): exponential, capped. */
export function retryWait(policy: DeliveryPolicy, failedAttempts: number): number {
  return Math.min(policy.retryBaseMs * 2 ** (failedAttempts - 1), MAX_RETRY_WAIT_MS);
}

/**
 * The signature a receiver checks: HMAC-SHA256 with the webhook's secret over
 * `<timestamp>.<body>`, hex. Signing the timestamp too lets a receiver refuse replays of an old
 * delivery (compare `X-Lineage-Timestamp` with its clock).
 */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface SendOutcome {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
}

/**
 * One POST of a delivery. Any 2xx is delivered; a redirect is not followed (the receiver's
 * address is the one subscribed), so it counts as a failure like any other status.
 */
export async function sendDelivery(
  delivery: { id: string; url: string; event: string; payload: string },
  secret: string,
  policy: Pick<DeliveryPolicy, 'timeoutMs'>,
): Promise<SendOutcome> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(policy.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lineage-Webhooks/1',
        'x-lineage-event': delivery.event,
        'x-lineage-delivery': delivery.id,
        'x-lineage-timestamp': String(timestamp),
        'x-lineage-signature': signature(secret, timestamp, delivery.payload),
      },
      body: delivery.payload,
    });
    // The body is not read: a receiver's answer is not ours to keep.
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, responseStatus: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message =
      (error as Error).name === 'TimeoutError' ? 'timed out' : (cause ?? 'unreachable');
    return { ok: false, responseStatus: null, error: message };
  }
}
