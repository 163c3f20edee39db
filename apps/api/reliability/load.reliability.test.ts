import { afterEach, describe, expect, inject, it } from 'vitest';
import { startSuiteApi, type ApiProcess } from './api-process';
import { runLoad } from './load';
import { seedTargets } from './seed';
import { summarise } from './summary';
import { WRITER } from './tokens';

let api: ApiProcess | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

describe('the API under load', () => {
  it('serves 50 concurrent clients of reads and writes for 60 s: no 5xx, no lost write', async () => {
    api = await startSuiteApi({ neo4jUri: inject('reliabilityNeo4jUri') });
    const report = await runLoad({
      url: api.url,
      clients: 50,
      durationMs: 60_000,
      // Writes queue on the graph's write lock; since every write decides under it (issue 10),
      // a few of 50 clients' waits passed 30 s on 2 cores. A hang still fails the test; the
      // slowdown (about a third of the requests of a run before) is an open problem.
      requestTimeoutMs: 120_000,
      token: WRITER.token,
      targets: await seedTargets(),
    });
    console.info(summarise('load', report));

    expect(report.serverErrors).toBe(0);
    expect(report.byStatus).toEqual({ 200: report.requests });
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.userErrors).toEqual([]);
    // Enough writes that a lost one would matter, and every one of them read back.
    expect(report.acknowledgedWrites).toBeGreaterThan(200);
    expect(report.lostWrites).toEqual([]);
    // The request log was written, and the token presented on every request is not in it.
    expect(api.logs.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThan(0);
    expect(api.logs.filter((line) => line.includes(WRITER.token))).toEqual([]);
  });

  it('reports the lost writes when the API acknowledges writes it drops (LINEAGE_FAULT_DROP_WRITES)', async () => {
    api = await startSuiteApi({ neo4jUri: inject('reliabilityNeo4jUri'), dropWrites: 0.2 });
    const report = await runLoad({
      url: api.url,
      clients: 20,
      durationMs: 12_000,
      token: WRITER.token,
      targets: await seedTargets(),
    });
    console.info(summarise('load with dropped writes', report));

    expect(api.logs.some((line) => line.includes('LINEAGE_FAULT_DROP_WRITES is on'))).toBe(true);
    expect(report.serverErrors).toBe(0);
    expect(report.acknowledgedWrites).toBeGreaterThan(20);
    expect(report.lostWrites.length).toBeGreaterThan(0);
    expect(report.lostWrites.every((line) => line.includes(report.runId))).toBe(true);
  });
});
