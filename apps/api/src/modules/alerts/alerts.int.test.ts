import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServices, webhookSignature } from '@lineage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER, TEST_DELIVERY_POLICY, testApi, WRITER } from '../../testing';
import { products } from '../../testing-products';

let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  api = await testApi({ readTokens: [`${READER.name}:${READER.token}`] });
});
afterAll(async () => {
  await api.store.close();
});

const SUBSCRIBE = `mutation ($input: WebhookInput!) {
  subscribeWebhook(input: $input) {
    webhook { id url owner events by }
    secret
    userErrors { code message }
  }
}`;
const DELIVERIES = `query ($id: ID) {
  webhookDeliveries(webhookId: $id) { id event status attempts responseStatus payload }
}`;

describe('webhooks through GraphQL', () => {
  it('subscribes with a write token, shows the secret once, and logs the signed delivery', async () => {
    const { ids } = await products(api);
    const owner = `team-${ids.defect.slice(-12)}`;
    const received: { signature: string; timestamp: number; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({
          signature: String(request.headers['x-lineage-signature']),
          timestamp: Number(request.headers['x-lineage-timestamp']),
          body,
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lineage`;
    try {
      const { body: watched } = await api.gql(
        `mutation ($input: WatchInput!) { watch(input: $input) { userErrors { code } } }`,
        { input: { deploymentId: ids.direct, owner } },
        WRITER.token,
      );
      expect(watched.data.watch.userErrors).toEqual([]);
      const input = { url, owner, events: ['EXPOSURE_OPENED'] };
      // Anonymous and read-only callers may neither subscribe nor see where alerts go.
      expect((await api.gql(SUBSCRIBE, { input })).body.errors?.[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        (await api.gql(SUBSCRIBE, { input }, READER.token)).body.errors?.[0].extensions.code,
      ).toBe('FORBIDDEN');
      expect(
        (await api.gql('{ webhooks { id url } }', {}, READER.token)).body.errors?.[0].extensions
          .code,
      ).toBe('FORBIDDEN');

      const { body } = await api.gql(SUBSCRIBE, { input }, WRITER.token);
      const { webhook, secret, userErrors } = body.data.subscribeWebhook;
      expect(userErrors).toEqual([]);
      expect(webhook).toMatchObject({ url, owner, events: ['EXPOSURE_OPENED'], by: WRITER.name });
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      const listed = await api.gql('{ webhooks { id url } }', {}, WRITER.token);
      expect(listed.body.data.webhooks).toContainEqual({ id: webhook.id, url });
      expect(JSON.stringify(listed.body)).not.toContain(secret);

      const defectId = `${ids.defect}-2`;
      const { body: filed } = await api.gql(
        `mutation ($input: DefectInput!) { fileDefect(input: $input) { userErrors { code } } }`,
        {
          input: {
            id: defectId,
            name: 'Second',
            category: 'BACKDOOR',
            severity: 'CRITICAL',
            originIds: [ids.base],
          },
        },
        WRITER.token,
      );
      expect(filed.data.fileDefect.userErrors).toEqual([]);
      const alerts = createServices(api.store, { deliveryPolicy: TEST_DELIVERY_POLICY }).alerts;
      for (let tries = 0; tries < 50 && received.length === 0; tries++) {
        await alerts.pass();
        if (!received.length) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(received).toHaveLength(1);
      expect(received[0]!.signature).toBe(
        webhookSignature(secret, received[0]!.timestamp, received[0]!.body),
      );

      const log = await api.gql(DELIVERIES, { id: webhook.id }, WRITER.token);
      expect(log.body.data.webhookDeliveries).toMatchObject([
        { event: 'EXPOSURE_OPENED', status: 'DELIVERED', attempts: 1, responseStatus: 204 },
      ]);
      expect(JSON.parse(log.body.data.webhookDeliveries[0].payload)).toMatchObject({
        defect: { id: defectId, severity: 'CRITICAL' },
        deployment: { id: ids.direct, owner },
      });
      const removed = await api.gql(
        `mutation ($id: ID!) { unsubscribeWebhook(id: $id) { removed userErrors { code } } }`,
        { id: webhook.id },
        WRITER.token,
      );
      expect(removed.body.data.unsubscribeWebhook).toEqual({ removed: true, userErrors: [] });
    } finally {
      server.close();
    }
  });
});
