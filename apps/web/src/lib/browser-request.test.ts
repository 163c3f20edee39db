import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readBrowserRequest } from './browser-request';

const HOST = 'lineage.test:3000';

function request(body: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://${HOST}/api/graphql`, {
    method: 'POST',
    headers: {
      host: HOST,
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
      origin: `http://${HOST}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const refusal = async (req: Request) => {
  const result = await readBrowserRequest(req);
  return result.ok ? 'accepted' : `${result.status} ${result.code}`;
};

describe("the web app's GraphQL route", () => {
  it("runs one of the web app's operations by name, with its own document", async () => {
    const result = await readBrowserRequest(
      request({ operation: 'Suggest', variables: { text: 'llama' } }),
    );
    expect(result).toMatchObject({ ok: true, operation: 'Suggest', variables: { text: 'llama' } });
    expect(result.ok && result.query).toMatch(/^\s*query Suggest\(/);
  });

  it('refuses a GraphQL document of the caller, whatever it asks', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ changes { edges { node { by } } } }',
    ])
      expect(await refusal(request({ query }))).toBe('400 UNKNOWN_OPERATION');
    expect(
      await refusal(
        request({
          operation: 'Suggest',
          query: '{ changes { edges { cursor } } }',
          variables: { text: 'a' },
        }),
      ),
    ).toBe('400 UNKNOWN_OPERATION');
    expect(await refusal(request({ operation: 'IntrospectionQuery' }))).toBe(
      '400 UNKNOWN_OPERATION',
    );
    expect(await refusal(request({ operation: 'toString' }))).toBe('400 UNKNOWN_OPERATION');
  });

  it('refuses anything but JSON with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])
      expect(
        await refusal(
          request({ operation: 'Suggest', variables: { text: 'a' } }, { 'content-type': type }),
        ),
      ).toBe('415 UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses another site, and a request that names no origin', async () => {
    const body = { operation: 'Suggest', variables: { text: 'a' } };
    expect(
      await refusal(
        request(body, { 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' }),
      ),
    ).toBe('403 CROSS_ORIGIN');
    expect(await refusal(request(body, { 'sec-fetch-site': 'same-site' }))).toBe(
      '403 CROSS_ORIGIN',
    );
    // Without Sec-Fetch-Site (an older browser), Origin decides; without either, no page sent it.
    const older = (origin?: string) => {
      const req = request(body);
      req.headers.delete('sec-fetch-site');
      req.headers.delete('origin');
      if (origin) req.headers.set('origin', origin);
      return req;
    };
    expect(await refusal(older(`http://${HOST}`))).toBe('accepted');
    expect(await refusal(older('http://evil.example'))).toBe('403 CROSS_ORIGIN');
    expect(await refusal(older())).toBe('403 CROSS_ORIGIN');
  });

  it('checks the variables, naming the one at fault', async () => {
    const wrong = await readBrowserRequest(
      request({
        operation: 'WhatIf',
        variables: { node: 'model:a/b', category: 'NOPE', severity: 'HIGH' },
      }),
    );
    expect(wrong).toMatchObject({ ok: false, status: 400, code: 'BAD_USER_INPUT' });
    expect(!wrong.ok && wrong.message).toMatch(/^WhatIf: category: /);
    expect(
      await refusal(request({ operation: 'Suggest', variables: { text: 'x'.repeat(201) } })),
    ).toBe('400 BAD_USER_INPUT');
    expect(
      await refusal(request({ operation: 'Panel', variables: { id: 'model:a/b', first: 500 } })),
    ).toBe('400 BAD_USER_INPUT');
  });

  it(`refuses a body over ${MAX_BODY_BYTES} bytes, and one that is not JSON`, async () => {
    expect(
      await refusal(
        request({
          operation: 'Suggest',
          variables: { text: 'a', kinds: Array(3000).fill('Dataset') },
        }),
      ),
    ).toBe('413 PAYLOAD_TOO_LARGE');
    expect(await refusal(request('{"operation":'))).toBe('400 BAD_REQUEST');
  });
});
