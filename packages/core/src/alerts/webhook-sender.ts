import { createHmac } from 'node:crypto';
import { fetch, type Dispatcher } from 'undici';
import { namesPrivateHost, PrivateAddressError, publicOnlyAgent } from './private-addresses';

/** How deliveries are sent and retried. */
export interface DeliveryPolicy {
  /** The wait before the first retry; each further retry waits twice as long, up to an hour. */
  retryBaseMs: number;
  /** Attempts in all before a delivery is given up as FAILED. */
  maxAttempts: number;
  /** How long one attempt may take. */
  timeoutMs: number;
  /**
   * Whether receivers on loopback, private or link-local addresses may be called (a receiver
   * inside the network); off, such an address is refused when subscribing and when connecting.
   */
  allowPrivateAddresses: boolean;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  retryBaseMs: 30_000,
  maxAttempts: 8,
  timeoutMs: 10_000,
  allowPrivateAddresses: false,
};

// One for the process: it keeps connections to receivers alive between deliveries.
let publicOnly: Dispatcher | undefined;

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
  /** Refused for good (a private address while they are not allowed): not retried. */
  refused?: boolean;
}

const refusal = (host: string): SendOutcome => ({
  ok: false,
  responseStatus: null,
  error: `refused: ${host} is or resolves to a private address (LINEAGE_WEBHOOK_ALLOW_PRIVATE is off)`,
  refused: true,
});

/**
 * One POST of a delivery. Any 2xx is delivered; a redirect is not followed (the receiver's
 * address is the one subscribed), so it counts as a failure like any other status.
 */
export async function sendDelivery(
  delivery: { id: string; url: string; event: string; payload: string },
  secret: string,
  policy: Pick<DeliveryPolicy, 'timeoutMs' | 'allowPrivateAddresses'>,
): Promise<SendOutcome> {
  const timestamp = Math.floor(Date.now() / 1000);
  const url = new URL(delivery.url);
  // A literal address never reaches the dispatcher's lookup: it is judged here.
  if (!policy.allowPrivateAddresses && namesPrivateHost(url)) return refusal(url.hostname);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      ...(policy.allowPrivateAddresses ? {} : { dispatcher: (publicOnly ??= publicOnlyAgent()) }),
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
    if ((error as { cause?: unknown }).cause instanceof PrivateAddressError)
      return refusal(url.hostname);
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message =
      (error as Error).name === 'TimeoutError' ? 'timed out' : (cause ?? 'unreachable');
    return { ok: false, responseStatus: null, error: message };
  }
}
