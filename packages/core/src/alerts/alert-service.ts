import { randomBytes, randomUUID } from 'node:crypto';
import {
  describeIssues,
  DomainError,
  MAX_WEBHOOKS,
  validationError,
  webhookInputSchema,
  type WebhookInputDraft,
} from '@lineage/domain';
import type { GraphStore, StoredDelivery, StoredWebhook } from '@lineage/graph-store';
import type { WatchService } from '../watch/watch-service';
import type { Author } from '../writes/write-service';
import {
  exposureKey,
  openedExposures,
  triageEvents,
  type ExposureOpened,
  type TriageChanged,
} from './alert-events';
import { exposurePayload, triagePayload } from './alert-payload';
import { namesPrivateHost } from './private-addresses';
import {
  DEFAULT_DELIVERY_POLICY,
  retryWait,
  sendDelivery,
  type DeliveryPolicy,
  type SendOutcome,
} from './webhook-sender';

/** Deliveries sent per pass; the rest wait for the next pass. */
const SEND_BATCH = 50;

/**
 * Alerts: webhooks told when a watched product is newly exposed or its triage changes.
 *
 * Each pass looks at every webhook whose last look is older than the graph: it works out the
 * open exposures of its watched products, announces those it had not seen, and announces the
 * triage changes recorded since. Each announcement becomes one delivery record, unique per
 * webhook and event, so replicas and repeated passes never send an event twice; then due
 * deliveries are sent, signed, and retried with exponential backoff until they succeed or run
 * out of attempts. Everything is kept in Neo4j, so a restart loses nothing.
 */
export class AlertService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly lease = randomUUID();

  constructor(
    private readonly store: GraphStore,
    private readonly watches: WatchService,
    private readonly policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
  ) {}

  /** Subscribes a URL. What is open now is its baseline: it hears only of what opens later. */
  async subscribe(input: WebhookInputDraft, author: Author) {
    const parsed = webhookInputSchema.safeParse(input);
    if (!parsed.success)
      throw validationError('the webhook is not valid', describeIssues(parsed.error));
    if ((await this.store.listWebhooks(MAX_WEBHOOKS)).length >= MAX_WEBHOOKS)
      throw new DomainError('CONFLICT', `at most ${MAX_WEBHOOKS} webhooks; remove one first`);
    const webhook = parsed.data;
    if (!this.policy.allowPrivateAddresses && namesPrivateHost(new URL(webhook.url)))
      throw validationError('the webhook is not valid', [
        `url: ${new URL(webhook.url).hostname} is a private address; receivers inside the network need LINEAGE_WEBHOOK_ALLOW_PRIVATE=on`,
      ]);
    const baseline = await this.lookAt(webhook);
    const secret = randomBytes(32).toString('hex');
    const saved = await this.store.recordWebhook(
      { ...webhook, id: `webhook:${randomUUID()}`, secret },
      baseline,
      { ...author, summary: `webhook for ${webhook.owner ?? 'every owner'} to ${webhook.url}` },
    );
    // The secret is shown once, here: it is never listed again.
    return { ...saved, secret };
  }

  unsubscribe(id: string, author: Author) {
    return this.store.removeWebhook(id, { ...author, summary: `webhook ${id} removed` });
  }

  list() {
    return this.store.listWebhooks(MAX_WEBHOOKS);
  }

  deliveries(filter: { webhookId?: string; limit: number }): Promise<StoredDelivery[]> {
    return this.store.listDeliveries(filter);
  }

  /**
   * Polls every `intervalMs` until stopped. A failed pass is reported once per run of failures
   * (Neo4j down fails every pass until it is back), and the next pass tries again.
   */
  start(intervalMs: number, onError: (error: Error) => void) {
    let failing = false;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.pass()
        .then(
          () => void (failing = false),
          (error: Error) => {
            if (!failing) onError(error);
            failing = true;
          },
        )
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: find what to announce, then send what is due. */
  async pass(): Promise<void> {
    const version = await this.store.graphVersion();
    for (const webhook of await this.store.listWebhooks(MAX_WEBHOOKS)) {
      if (webhook.version < version) await this.announce(webhook);
    }
    await this.sendDue();
  }

  /** The open exposures a webhook covers now, read before the version they are stamped with. */
  private async lookAt(filter: { owner?: string; tag?: string }) {
    const { exposures, watches } = await this.watches.openExposures(filter);
    // Read after: a write landing meanwhile is at most counted as unseen and told next time.
    const version = await this.store.graphVersion();
    return {
      open: exposures,
      version,
      exposures: exposures.map(exposureKey),
      watched: watches.map((watch) => watch.deploymentId),
    };
  }

  private async announce(webhook: StoredWebhook) {
    const now = await this.lookAt(webhook);
    if (webhook.events.includes('exposure.opened')) {
      const opened = openedExposures(webhook, now.open);
      const deployments = await this.store.getEntities(opened.map((found) => found.deploymentId));
      for (const found of opened)
        await this.claim(webhook, found, (deliveryId) =>
          exposurePayload(found, {
            deliveryId,
            graphVersion: now.version,
            deployment: deployments.get(found.deploymentId),
          }),
        );
    }
    if (webhook.events.includes('triage.changed')) {
      const changes = await this.store.triageChangesBetween(webhook.version, now.version);
      for (const found of triageEvents(changes, new Set(now.watched))) {
        const triage = await this.currentTriage(found);
        await this.claim(webhook, found, (deliveryId) =>
          triagePayload(found, { deliveryId, graphVersion: now.version, triage }),
        );
      }
    }
    await this.store.advanceWebhook(webhook.id, now);
  }

  private async currentTriage(found: TriageChanged) {
    if (found.change.action === 'clearTriage') return null;
    return this.store.storedRelationship({
      type: 'TRIAGED',
      from: found.deploymentId,
      to: found.defectId,
    });
  }

  private async claim(
    webhook: StoredWebhook,
    found: ExposureOpened | TriageChanged,
    payload: (deliveryId: string) => object,
  ) {
    const id = randomUUID();
    await this.store.claimDelivery({
      id,
      key: `${webhook.id}|${found.key}`,
      webhookId: webhook.id,
      url: webhook.url,
      event: found.event,
      payload: JSON.stringify(payload(id)),
    });
  }

  /** Sends each due delivery once (leased, so another replica does not send it meanwhile). */
  private async sendDue() {
    const due = await this.store.leaseDueDeliveries({
      lease: this.lease,
      leaseMs: this.policy.timeoutMs * 2,
      limit: SEND_BATCH,
    });
    for (const delivery of due) {
      const secret = await this.store.webhookSecret(delivery.webhookId);
      const outcome: SendOutcome = secret
        ? await sendDelivery(delivery, secret, this.policy)
        : { ok: false, responseStatus: null, error: 'the webhook was removed' };
      const attempts = delivery.attempts + 1;
      const givenUp = !secret || outcome.refused === true || attempts >= this.policy.maxAttempts;
      await this.store.recordDeliveryAttempt(delivery.id, {
        status: outcome.ok ? 'DELIVERED' : givenUp ? 'FAILED' : 'PENDING',
        responseStatus: outcome.responseStatus,
        lastError: outcome.error,
        retryInMs: retryWait(this.policy, attempts),
      });
    }
  }
}
