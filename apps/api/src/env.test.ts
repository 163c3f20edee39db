import { describe, expect, it } from 'vitest';
import { parseApiEnv } from './env';

describe('the API environment', () => {
  it('listens on loopback unless HOST says otherwise', () => {
    expect(parseApiEnv({}).data?.HOST).toBe('127.0.0.1');
    expect(parseApiEnv({ HOST: '0.0.0.0' }).data?.HOST).toBe('0.0.0.0');
  });

  it('allows no cross-origin caller unless LINEAGE_CORS_ORIGINS names them', () => {
    expect(parseApiEnv({}).data?.LINEAGE_CORS_ORIGINS).toEqual([]);
    expect(
      parseApiEnv({ LINEAGE_CORS_ORIGINS: 'http://localhost:3000, https://lineage.example' }).data
        ?.LINEAGE_CORS_ORIGINS,
    ).toEqual(['http://localhost:3000', 'https://lineage.example']);
    expect(parseApiEnv({ LINEAGE_CORS_ORIGINS: '*' }).success).toBe(false);
    expect(parseApiEnv({ LINEAGE_CORS_ORIGINS: 'localhost:3000' }).success).toBe(false);
  });
});
