import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { GraphStore } from '@lineage/graph-store';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../src/app';
import { createSchema } from '../src/schema';
import { everyMutation } from './mutation-arguments';
import { snapshot } from './snapshot';
import { READER, READ_TOKENS, WRITER, WRITE_TOKENS } from './tokens';

let store: GraphStore;
beforeAll(async () => {
  store = await GraphStore.connect({ uri: inject('reliabilityNeo4jUri') });
});
afterAll(async () => {
  await store.close();
});

/** The API in-process, every log line it writes (at trace) kept as text. */
function appWithLog(readTokens: string[] | undefined) {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  const app = createApp({
    store,
    log: pino({ level: 'trace' }, stream),
    writeTokens: [WRITE_TOKENS],
    readTokens,
  });
  const call = async (query: string, variables: object, authorization?: string) => {
    const response = await app.fetch('http://lineage.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, codes: (body.errors ?? []).map((e) => e.extensions?.code) };
  };
  return { call, log: () => lines.join('') };
}

const wrongTokens = [
  `wrong-token-${randomBytes(12).toString('hex')}`,
  `${WRITER.token}x`,
  WRITER.token.slice(0, -1),
];

describe('mutations without the right token', () => {
  const mutations = everyMutation(createSchema(), `t${randomBytes(4).toString('hex')}`);

  it('finds the mutations in the schema', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(10);
  });

  it('are refused, every one, and change nothing; no token presented appears in the log', async () => {
    const before = await snapshot(store);
    for (const readTokens of [undefined, [READ_TOKENS]]) {
      const api = appWithLog(readTokens);
      for (const mutation of mutations) {
        const attempts: [string | undefined, string][] = [
          [undefined, 'UNAUTHENTICATED'],
          ...wrongTokens.map((token): [string, string] => [`Bearer ${token}`, 'UNAUTHENTICATED']),
          ...(readTokens ? [[`Bearer ${READER.token}`, 'FORBIDDEN'] as [string, string]] : []),
        ];
        for (const [authorization, code] of attempts) {
          const answer = await api.call(mutation.query, mutation.variables, authorization);
          expect({ mutation: mutation.name, codes: answer.codes }).toEqual({
            mutation: mutation.name,
            codes: [code],
          });
          expect(answer.status).toBe(code === 'FORBIDDEN' ? 403 : 401);
        }
      }
      const log = api.log();
      expect(log).toContain('"msg":"request"');
      for (const token of [WRITER.token, READER.token, ...wrongTokens]) {
        expect(log).not.toContain(token);
      }
    }
    expect(await snapshot(store)).toEqual(before);

    // The same calls with the write token get past authentication: the refusals above were
    // the tokens', not the arguments'. Some of them write, so this comes last.
    const api = appWithLog(undefined);
    for (const mutation of mutations) {
      const answer = await api.call(mutation.query, mutation.variables, `Bearer ${WRITER.token}`);
      expect({ mutation: mutation.name, codes: answer.codes }).toEqual({
        mutation: mutation.name,
        codes: [],
      });
    }
    expect((await snapshot(store)).graphVersion).toBeGreaterThan(before.graphVersion);
    expect(api.log()).not.toContain(WRITER.token);
  });
});
