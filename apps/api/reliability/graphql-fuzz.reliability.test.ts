import { PassThrough } from 'node:stream';
import { GraphStore } from '@lineage/graph-store';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../src/app';
import { createSchema } from '../src/schema';
import { fuzzRequest } from './graphql-fuzz-documents';
import { snapshot } from './snapshot';
import { WRITER, WRITE_TOKENS } from './tokens';

let store: GraphStore;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  store = await GraphStore.connect({ uri: inject('reliabilityNeo4jUri') });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await store.close();
});

describe('GraphQL requests a careless or hostile client sends', () => {
  it('are answered with a coded error or clean data: never a 5xx, never a change', async () => {
    const app = createApp({
      store,
      log: pino({ level: 'info' }, new PassThrough().resume()),
      writeTokens: [WRITE_TOKENS],
    });
    const before = await snapshot(store);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fuzzRequest(createSchema()), async (request) => {
        runs++;
        // With a write token: the most a caller could do, so the most that could go wrong.
        const response = await app.fetch('http://lineage.test/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${WRITER.token}`,
          },
          body: JSON.stringify({ query: request.query, variables: request.variables }),
        });
        const body = (await response.json()) as {
          data?: Record<string, { userErrors?: { code?: string; message?: string }[] } | null>;
          errors?: { message?: string; extensions?: { code?: string } }[];
        };
        expect(response.status, JSON.stringify(body).slice(0, 1_000)).toBeLessThan(500);
        for (const error of body.errors ?? []) {
          expect(error.message).toBeTruthy();
          expect(error.extensions?.code).toBeTruthy();
        }
        const userErrors = Object.values(body.data ?? {}).flatMap((p) => p?.userErrors ?? []);
        for (const error of userErrors) {
          expect(error.message).toBeTruthy();
          expect(error.code).toBeTruthy();
        }
        if (request.mustFail)
          expect((body.errors?.length ?? 0) + userErrors.length).toBeGreaterThan(0);
      }),
      { numRuns: 1_000 },
    );
    console.info(`[reliability] GraphQL fuzz: ${runs} requests`);

    expect(unhandled).toEqual([]);
    expect(await snapshot(store)).toEqual(before);
  });
});
