import { describe, expect, it } from 'vitest';
import { measureRows, renderReport, scaleTargets, type BenchResults } from './report';
import { scaleNamed } from './scales';
import type { WritesResult } from './writes';

const spread = (p50: number) => ({ p50, p95: p50 * 2 });

function results(scale: string, extra: Partial<BenchResults> = {}): BenchResults {
  return {
    scale: scaleNamed(scale),
    graph: { lineageNodes: 1000, lineageEdges: 900 },
    load: { nodes: 1000, relationships: 2000, seconds: 400, at: '2026-12-02', cached: false },
    merge: { rows: 100, seconds: 1 },
    projectionBuildMs: 10,
    largestHub: { id: 'model:x/hub', exposed: 500 },
    hubs: 20,
    impact: { ...spread(40), samples: 60 },
    impactCypherOnly: { ...spread(400), samples: 20, largest: 900 },
    floor: spread(1),
    largestHubTimes: {
      graphql: { ms: 10, floor: 2, ratio: 4.8, rounds: 9 },
      engine: { ms: 5, floor: 2, ratio: 2.4, rounds: 9 },
      engineAsOf: 6,
    },
    asOf: {
      day: '2026-01-01',
      withAsOf: spread(40),
      without: spread(40),
      samples: 60,
      largestHubExposed: { withAsOf: 400, without: 500 },
    },
    plainCypher: { capMs: 5000, runs: [] },
    nodePage: spread(3),
    oneHop: spread(3),
    mixed: {
      requestsPerSecond: 2000,
      requests: 60_000,
      errors: 0,
      latencyP50: 1,
      latencyP99: 9,
      connections: 32,
      seconds: 30,
    },
    ...extra,
  };
}

const writes = (over: Partial<WritesResult> = {}): WritesResult => ({
  perSecond: 10,
  writes: 300,
  achievedPerSecond: 9.8,
  ended: 60,
  failed: 0,
  beforeAnyWrite: { ...spread(18), samples: 20 },
  free: { ...spread(20), samples: 60 },
  underWrites: { ...spread(25), samples: 60 },
  fallbacks: 0,
  served: 360,
  seen: 240,
  missed: 0,
  writtenIds: [],
  ...over,
});

describe('the acceptance lines of issue 14', () => {
  it('judges the 5M load and hub p50 only at 5M', () => {
    const at5M = scaleTargets(results('5M'));
    expect(at5M.map((t) => [t.name, t.met])).toEqual([
      ['5M: loaded in under 10 min', true],
      ['5M: hub impact p50 under 100 ms', true],
    ]);
    expect(at5M[0]!.detail).toBe('6.7 min');
    const slow = scaleTargets(results('5M', { load: { ...results('5M').load, seconds: 900 } }));
    expect(slow[0]).toMatchObject({ met: false, shortfall: 1.5 });
    expect(scaleTargets(results('1M'))).toEqual([]);
  });

  it('meets the writes target only with the ratio, no fallbacks and every written edge seen', () => {
    const judge = (w: WritesResult) => scaleTargets(results('1M', { writes: w }))[0]!;
    expect(judge(writes())).toMatchObject({ met: true });
    expect(judge(writes()).detail).toMatch(
      /^1\.25x: p50 25 ms under writes, 20 ms without; 0 fallbacks; seen 240, missed 0/,
    );
    expect(judge(writes({ fallbacks: 3 })).met).toBe(false);
    expect(judge(writes({ missed: 1 })).met).toBe(false);
    expect(judge(writes({ underWrites: { ...spread(40), samples: 60 } }))).toMatchObject({
      met: false,
      shortfall: 4 / 3,
    });
    const at10k = scaleTargets(results('10k', { writes: writes({ fallbacks: 9 }) }))[0]!;
    expect(at10k).toMatchObject({ met: true, notHere: true });
  });

  it("judges the largest hub by the median of its rounds' ratios, not by the p50s", () => {
    const line = (ratio: number) => {
      const graphql = { ms: 12, floor: 2, ratio, rounds: 9 };
      const base = results('1M');
      const report = renderReport({
        ...base,
        largestHubTimes: { ...base.largestHubTimes, graphql },
      });
      return report.split('\n').find((row) => row.startsWith('| largest hub impact within 5x'));
    };
    // 12 ms over 2 ms would be 6x: the rounds' own ratios decide.
    expect(line(4.5)).toBe(
      '| largest hub impact within 5x of the in-memory BFS floor | met | 4.5x (median of 9 rounds, each query beside a BFS): p50 12 ms through GraphQL, 2.00 ms for the BFS |',
    );
    expect(line(5.5)).toMatch(
      /^\| largest hub impact within 5x of the in-memory BFS floor \| missed by 1\.1x \| 5\.5x/,
    );
  });

  it('states a failed import with its error and memory, and a ratio for one that ran', () => {
    const bulk = { seconds: 100, rows: 3_000_000 };
    const ok = {
      edges: 1_000_000,
      file: 'x.csv',
      bulk,
      import: { ok: true as const, seconds: 250, cliPeakBytes: 2 ** 31, neo4jPeakBytes: 2 ** 32 },
    };
    const [passed] = scaleTargets(results('1M', { imported: ok }));
    expect(passed).toMatchObject({ met: true });
    expect(passed!.detail).toBe(
      '2.5x: 250.0 s (peak: CLI 2.0 GiB, its Neo4j 4.0 GiB), bulk load 100.0 s',
    );
    const failed = {
      ...ok,
      import: { ...ok.import, ok: false as const, error: 'exit 1: lineage: too big [INTERNAL]' },
    };
    const [refused] = scaleTargets(results('1M', { imported: failed }));
    expect(refused).toMatchObject({ met: false });
    expect(refused!.detail).toMatch(/^the import failed after 250\.0 s \(exit 1: lineage: too big/);
    expect(measureRows(results('1M', { imported: failed })).join('\n')).toMatch(/failed after/);
  });

  it('keeps the existing lines and adds the new ones to the report', () => {
    const report = renderReport(results('1M', { writes: writes() }));
    expect(report).toContain('| 1M nodes loaded in under 90 s | missed by 4.4x |');
    expect(report).toContain('| Hub impact via GraphQL under 10 lineage writes/s');
    expect(report).toContain('0 fallbacks of 360 impact queries; seen 240, missed 0');
    // Judged against the rounds beside the writer's; the round before any write is shown too.
    expect(report).toContain(
      'just before one under writes: 20 ms / 40 ms (before any write: 18 ms / 36 ms)',
    );
    expect(report).toMatch(/\| hub impact under 10 writes\/s: .* \| met \|/);
  });
});
