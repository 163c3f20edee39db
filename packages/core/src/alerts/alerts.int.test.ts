import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import type { GraphStore } from '@lineage/graph-store';
import {
  batch,
  connectTestStore,
  link,
  node,
  startOwnStore,
  testNamespace,
} from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../services';
import { isPrivateAddress } from './private-addresses';
import { DEFAULT_DELIVERY_POLICY, signature } from './webhook-sender';

let store: GraphStore;
let services: Services;
// A second replica: its own services over its own connection, sharing the database.
let replicaStore: GraphStore;
let replica: Services;
// The receivers listen on loopback: these tests allow private addresses, as an internal receiver
// needs; the attack test below runs with the default policy.
const policy = { retryBaseMs: 200, maxAttempts: 3, timeoutMs: 2_000, allowPrivateAddresses: true };
beforeAll(async () => {
  store = await connectTestStore();
  replicaStore = await connectTestStore();
  services = createServices(store, { deliveryPolicy: policy });
  replica = createServices(replicaStore, { deliveryPolicy: policy });
});
afterAll(async () => {
  await store.close();
  await replicaStore.close();
});

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiver on loopback that answers each request with the next status given (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => server.close() };
}

const author = { by: 'alerts-test', action: 'test' };

/** A base model, a product deploying it, watched by an owner of the test's own. */
async function watchedProduct(on: { store: GraphStore; services: Services } = { store, services }) {
  const ns = testNamespace();
  const ids = {
    base: ns.id('model', 'lab/base'),
    other: ns.id('model', 'lab/other'),
    app: ns.id('deployment', 'co/app'),
    defect: ns.id('defect', 'JB-1'),
    owner: `${ns.token}team`,
  };
  await on.store.write(
    batch(
      [
        node({ id: ids.base, kind: 'BaseModel', name: 'Base' }),
        node({ id: ids.other, kind: 'BaseModel', name: 'Other' }),
        node({ id: ids.app, kind: 'Deployment', name: 'App' }),
      ],
      [link('DEPLOYS', ids.app, ids.base)],
    ),
    { ...author, summary: 'alerts fixture' },
  );
  await on.services.watches.watch({ deploymentId: ids.app, owner: ids.owner }, author);
  return ids;
}

const fileDefect = (id: string, origin: string, on: GraphStore = store) =>
  on.write(
    batch(
      [node({ id, kind: 'Defect', name: id, category: 'JAILBREAK', severity: 'HIGH' })],
      [link('AFFECTS', id, origin)],
    ),
    { ...author, summary: 'defect filed' },
  );

/** Passes until `done` holds: another test file's pass may hold a delivery's lease meanwhile. */
async function passUntil(done: () => boolean, of: Services = services) {
  for (let tries = 0; tries < 50 && !done(); tries++) {
    await of.alerts.pass();
    if (!done()) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhooks for watched products', () => {
  it('sends exactly one signed delivery when a new defect reaches a watched product', async () => {
    const ids = await watchedProduct();
    const hook = await receiver();
    try {
      const { webhook, secret } = await services.alerts.subscribe(
        { url: hook.url, owner: ids.owner },
        author,
      );
      await services.alerts.pass();
      expect(hook.received).toEqual([]);

      await fileDefect(ids.defect, ids.base);
      await passUntil(() => hook.received.length > 0);
      // Again, and from the other replica: the event is the same, so nothing more is sent.
      await services.alerts.pass();
      await replica.alerts.pass();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hook.received).toHaveLength(1);

      const [delivery] = hook.received;
      const timestamp = Number(delivery!.headers['x-lineage-timestamp']);
      expect(delivery!.headers['x-lineage-signature']).toBe(
        signature(secret, timestamp, delivery!.body),
      );
      expect(delivery!.headers['x-lineage-signature']).not.toBe(
        signature('another secret', timestamp, delivery!.body),
      );
      expect(delivery!.headers['x-lineage-event']).toBe('exposure.opened');
      const payload = JSON.parse(delivery!.body) as Record<string, unknown>;
      expect(payload).toMatchObject({
        id: delivery!.headers['x-lineage-delivery'],
        event: 'exposure.opened',
        deployment: { id: ids.app, name: 'App', owner: ids.owner },
        defect: { id: ids.defect, severity: 'HIGH' },
        exposure: { level: 'CERTAIN', path: [ids.base, ids.app], triage: null },
      });
      const log = await services.alerts.deliveries({ webhookId: webhook.id, limit: 10 });
      expect(log).toMatchObject([{ status: 'DELIVERED', attempts: 1, responseStatus: 200 }]);
      await services.alerts.unsubscribe(webhook.id, author);
    } finally {
      hook.close();
    }
  });

  it('retries a delivery answered 500, with the same delivery id, until it is taken', async () => {
    const ids = await watchedProduct();
    const hook = await receiver([500]);
    try {
      const { webhook } = await services.alerts.subscribe(
        { url: hook.url, owner: ids.owner },
        author,
      );
      await fileDefect(ids.defect, ids.base);
      await passUntil(() => hook.received.length > 0);
      expect(hook.received).toHaveLength(1);
      const [failed] = await services.alerts.deliveries({ webhookId: webhook.id, limit: 10 });
      expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, responseStatus: 500 });
      expect(failed!.lastError).toBe('HTTP 500');
      expect(failed!.nextAttemptAt).not.toBeNull();

      await passUntil(() => hook.received.length > 1);
      expect(hook.received).toHaveLength(2);
      expect(hook.received[1]!.headers['x-lineage-delivery']).toBe(
        hook.received[0]!.headers['x-lineage-delivery'],
      );
      expect(hook.received[1]!.body).toBe(hook.received[0]!.body);
      const log = await services.alerts.deliveries({ webhookId: webhook.id, limit: 10 });
      expect(log).toMatchObject([{ status: 'DELIVERED', attempts: 2, responseStatus: 200 }]);
      await services.alerts.unsubscribe(webhook.id, author);
    } finally {
      hook.close();
    }
  });

  it('tells of a new lineage relationship, an ended mitigation and a triage change, not of a product newly watched', async () => {
    const ids = await watchedProduct();
    const hook = await receiver();
    try {
      await fileDefect(ids.defect, ids.other);
      const { webhook } = await services.alerts.subscribe(
        { url: hook.url, owner: ids.owner },
        author,
      );
      // Watching a second product already exposed is not news.
      const ns = testNamespace();
      const second = ns.id('deployment', 'co/second');
      await store.write(
        batch(
          [node({ id: second, kind: 'Deployment', name: 'Second' })],
          [link('DEPLOYS', second, ids.other)],
        ),
        { ...author, summary: 'second product' },
      );
      await services.watches.watch({ deploymentId: second, owner: ids.owner }, author);
      await services.alerts.pass();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hook.received).toEqual([]);

      // The first product now derives from the affected model: it is newly exposed.
      await store.write(batch([], [link('MERGED_FROM', ids.base, ids.other)]), {
        ...author,
        summary: 'base merged from other',
      });
      await passUntil(() => hook.received.length > 0);
      expect(JSON.parse(hook.received[0]!.body)).toMatchObject({
        event: 'exposure.opened',
        deployment: { id: ids.app },
        exposure: { path: [ids.other, ids.base, ids.app] },
      });

      // A mitigation at the second product, then its end: the exposure opens again, and is told.
      await store.write(
        batch([], [link('MITIGATES', second, ids.defect, { evidence: 'an output filter' })]),
        { ...author, summary: 'mitigated' },
      );
      await services.alerts.pass();
      await services.writes.unlink(
        { type: 'MITIGATES', from: second, to: ids.defect },
        { ...author, action: 'unlink' },
      );
      await passUntil(() => hook.received.length > 1);
      expect(JSON.parse(hook.received[1]!.body)).toMatchObject({
        event: 'exposure.opened',
        deployment: { id: second },
        defect: { id: ids.defect },
      });

      await services.writes.setTriage(
        { defectId: ids.defect, nodeId: second, state: 'EXPLOITABLE', note: 'confirmed' },
        { by: 'alice', action: 'setTriage' },
      );
      await passUntil(() => hook.received.length > 2);
      expect(hook.received).toHaveLength(3);
      expect(hook.received[2]!.headers['x-lineage-event']).toBe('triage.changed');
      expect(JSON.parse(hook.received[2]!.body)).toMatchObject({
        event: 'triage.changed',
        deployment: { id: second },
        defect: { id: ids.defect },
        triage: { state: 'EXPLOITABLE', note: 'confirmed', by: 'alice' },
        change: { action: 'setTriage', by: 'alice' },
      });
      await services.alerts.unsubscribe(webhook.id, author);
    } finally {
      hook.close();
    }
  });

  it('refuses a URL that is not http(s) or carries credentials, and writes nothing', async () => {
    const before = (await services.alerts.list()).length;
    const refused = {
      'ftp://example.org/hook': /url: only http\(s\) URLs are called/,
      'http://user:pw@example.org/hook': /url: no credentials in the URL/,
      nope: /url: not a URL/,
    };
    for (const [url, problem] of Object.entries(refused)) {
      await expect(services.alerts.subscribe({ url }, author)).rejects.toThrow(problem);
    }
    expect(await services.alerts.list()).toHaveLength(before);
  });

  // A Neo4j start of its own: allowed more than the default when the machine is busy.
  it(
    'refuses, by default, to call a receiver on a private address, however it is named',
    { timeout: 300_000 },
    async () => {
      // A Neo4j of its own: this policy refuses loopback, and its passes must not take the other
      // files' deliveries (to their loopback receivers) and refuse them.
      const own = await startOwnStore();
      const guarded = createServices(own.store, {
        deliveryPolicy: { ...DEFAULT_DELIVERY_POLICY, retryBaseMs: 200 },
      });
      const hook = await receiver();
      try {
        await own.store.migrate();
        const urls = [
          hook.url,
          hook.url.replace('127.0.0.1', 'localhost'),
          'http://[::1]/h',
          'http://169.254.169.254/latest/meta-data',
        ];
        for (const url of urls) {
          await expect(guarded.alerts.subscribe({ url }, author)).rejects.toThrow(
            /url: .* is a private address/,
          );
        }
        expect(await guarded.alerts.list()).toEqual([]);

        // A name that resolves to a private address is refused when connecting (DNS can change
        // after subscribing): the machine's own name resolves to loopback here.
        const name = hostname();
        const { address } = await lookup(name);
        if (!isPrivateAddress(address)) {
          console.warn(`skipped the resolved-name case: ${name} resolves to ${address}`);
          return;
        }
        const ids = await watchedProduct({ store: own.store, services: guarded });
        const { webhook } = await guarded.alerts.subscribe(
          { url: hook.url.replace('127.0.0.1', name), owner: ids.owner },
          author,
        );
        await fileDefect(ids.defect, ids.base, own.store);
        await guarded.alerts.pass();
        const log = await guarded.alerts.deliveries({ webhookId: webhook.id, limit: 10 });
        expect(log).toMatchObject([{ status: 'FAILED', attempts: 1, responseStatus: null }]);
        expect(log[0]!.lastError).toMatch(/refused: .* private address/);
        expect(hook.received).toEqual([]);
      } finally {
        hook.close();
        await own.stop();
      }
    },
  );
});
