import { fileURLToPath } from 'node:url';
import type { GraphStore } from '@lineage/graph-store';
import { connectTestStore } from '@lineage/graph-store/testing';
import { DEFAULT_DELIVERY_POLICY } from '@lineage/core';
import { readSeed } from '@lineage/importers';
import pino from 'pino';
import { createApp } from './app';

/** Webhooks in the tests call receivers on loopback, quickly retried. */
export const TEST_DELIVERY_POLICY = {
  ...DEFAULT_DELIVERY_POLICY,
  retryBaseMs: 200,
  allowPrivateAddresses: true,
};

export const WRITER = { name: 'alice', token: 'alice-write-token-0123456789' };
export const READER = { name: 'rita', token: 'rita-read-token-0123456789ab' };

const seedDir = fileURLToPath(new URL('../../../seed', import.meta.url));

/** The real schema over the run's Neo4j, with the curated seed loaded (idempotently). */
export async function testApi(options: { readTokens?: string[] } = {}) {
  const store: GraphStore = await connectTestStore();
  const seed = await readSeed(seedDir);
  await store.write(seed.batch, { by: 'test', action: 'seed', summary: 'api tests' });
  const app = createApp({
    store,
    log: pino({ level: 'silent' }),
    writeTokens: [`${WRITER.name}:${WRITER.token}`],
    readTokens: options.readTokens,
    // The tests' webhook receivers listen on loopback.
    deliveryPolicy: TEST_DELIVERY_POLICY,
  });
  // Tests read whatever JSON the API answers; `any` keeps their assertions short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = any;
  async function gql(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<{ status: number; body: { data?: Json; errors?: Json[] } }> {
    const response = await app.fetch('http://lineage.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  }
  return { store, app, gql, seedIds: seed.batch.nodes.map((node) => node.id) };
}
