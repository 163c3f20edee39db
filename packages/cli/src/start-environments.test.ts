import { describe, expect, it } from 'vitest';
import { newWebToken, startEnvironments } from './start-environments';

const config = {
  NEO4J_DATABASE: 'neo4j',
  NEO4J_USER: undefined,
  NEO4J_PASSWORD: 'secret-password',
  LINEAGE_API_PORT: 4100,
  LINEAGE_READ_TOKENS: 'auditor:auditor-token-0123456789',
  LOG_LEVEL: 'warn' as const,
};
const inherited = {
  PATH: '/usr/bin',
  LINEAGE_WRITE_TOKENS: 'ci:write-token-0123456789abcdef',
  LINEAGE_READ_TOKENS: 'auditor:auditor-token-0123456789',
  LINEAGE_API_TOKEN: 'stale-token-set-by-hand-0123456',
};
const options = { neo4jUri: 'bolt://127.0.0.1:7999', webToken: newWebToken() };

describe("the environments of lineage start's children", () => {
  it('generates a new random read token for the web app at every start', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => newWebToken()));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it("adds the web app's token to the API's read tokens and gives it to the web app", () => {
    const { api, web } = startEnvironments(config, inherited, options);
    expect(api.LINEAGE_READ_TOKENS).toBe(
      `auditor:auditor-token-0123456789,web:${options.webToken}`,
    );
    expect(web.LINEAGE_API_TOKEN).toBe(options.webToken);
    expect(web.LINEAGE_API_URL).toBe('http://127.0.0.1:4100/graphql');
  });

  it('gives the web app no other secret: no write or read tokens, no Neo4j password', () => {
    const { api, web } = startEnvironments(config, inherited, options);
    expect(web.LINEAGE_WRITE_TOKENS).toBeUndefined();
    expect(web.LINEAGE_READ_TOKENS).toBeUndefined();
    expect(web.NEO4J_PASSWORD).toBeUndefined();
    expect(web.PATH).toBe('/usr/bin');
    expect(api.LINEAGE_WRITE_TOKENS).toBe(inherited.LINEAGE_WRITE_TOKENS);
    expect(api.NEO4J_PASSWORD).toBe('secret-password');
    expect(api.NEO4J_URI).toBe(options.neo4jUri);
    expect(api.PORT).toBe('4100');
  });

  it('gives the web app no token when reads are open (the API would refuse an unknown one)', () => {
    const open = { ...config, LINEAGE_READ_TOKENS: undefined };
    const { LINEAGE_READ_TOKENS: _, ...rest } = inherited;
    const { api, web } = startEnvironments(open, rest, options);
    expect(api.LINEAGE_READ_TOKENS).toBeUndefined();
    expect(web.LINEAGE_API_TOKEN).toBeUndefined();
  });
});
