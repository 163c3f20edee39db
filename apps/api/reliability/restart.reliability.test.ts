import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuiteApi, type ApiProcess } from './api-process';
import { runLoad } from './load';
import type { Neo4jUnderTest } from './neo4j-under-test';
import { analyseOutage } from './outage';
import { seedTargets, startSeededNeo4j } from './seed';
import { summarise } from './summary';
import { WRITER } from './tokens';

// Its own Neo4j: this test kills it, and the shared one must outlive the test file.
let neo4j: Neo4jUnderTest;
let api: ApiProcess;
beforeAll(async () => {
  neo4j = await startSeededNeo4j();
  api = await startSuiteApi({ neo4jUri: neo4j.uri });
});
afterAll(async () => {
  await api?.stop();
  await neo4j?.stop();
});

describe('a Neo4j crash under load', () => {
  it('answers 503 only while Neo4j is down, recovers without a restart, and loses no acknowledged write', async () => {
    let apiExited = false;
    void api.exited.then(() => (apiExited = true));
    const stop = new AbortController();
    const load = runLoad({
      url: api.url,
      clients: 20,
      durationMs: 180_000,
      stop: stop.signal,
      token: WRITER.token,
      targets: await seedTargets(),
    });

    await sleep(8_000);
    const downAt = Date.now();
    await neo4j.kill();
    // Longer than the driver's retries (10 s), so requests must be answered while it is down.
    await sleep(18_000);
    await neo4j.restart();
    const upAt = Date.now();
    // Long enough after the restart for the API to show it is back, on its own.
    await sleep(20_000);
    stop.abort();
    const report = await load;
    const outage = analyseOutage(report.samples, downAt, upAt);
    console.info(
      `${summarise('load across a Neo4j crash', report)}; ${outage.unavailable} answered 503 ` +
        `(${outage.answeredWhileDown} before Neo4j was back) (down ${Math.round((upAt - downAt) / 1000)} s), recovered ` +
        `${(outage.recoveryMs / 1000).toFixed(1)} s after Neo4j was back`,
    );

    expect(outage.failuresBeforeOutage).toEqual([]);
    expect(outage.otherFailures).toEqual([]);
    expect(outage.answeredWhileDown).toBeGreaterThan(0);
    // Recovered by itself: the API process never restarted, and requests, writes included,
    // succeeded again well before the load ended.
    expect(apiExited).toBe(false);
    expect(outage.recoveredAt).toBeLessThan(upAt + 10_000);
    expect(outage.succeededAfter).toBeGreaterThan(50);
    expect(outage.writesAfter).toBeGreaterThan(0);
    expect(report.lostWrites).toEqual([]);
  });
});
