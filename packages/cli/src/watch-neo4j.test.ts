import { describe, expect, it } from 'vitest';
import { neo4jStateLine, stateFromReady, type Neo4jState } from './watch-neo4j';

/** The lines printed for a sequence of /ready answers (undefined: no answer at all). */
function linesFor(statuses: (number | undefined)[]): string[] {
  let state: Neo4jState = 'unknown';
  const lines: string[] = [];
  for (const status of statuses) {
    const next = stateFromReady(status);
    const line = neo4jStateLine(state, next);
    if (line) lines.push(line);
    if (next !== 'unknown') state = next;
  }
  return lines;
}

describe("watching Neo4j through the API's /ready", () => {
  it('says nothing while Neo4j answers', () => {
    expect(linesFor([200, 200, 200])).toEqual([]);
  });

  it('says once when Neo4j becomes unreachable and once when it is back', () => {
    expect(linesFor([200, 503, 503, 503, 200, 200])).toEqual([
      'Neo4j is unreachable: the API answers 503 DATABASE_UNAVAILABLE until it is back',
      'Neo4j is reachable again',
    ]);
  });

  it('says it at once when Neo4j is unreachable from the start', () => {
    expect(linesFor([503, 200])).toEqual([
      'Neo4j is unreachable: the API answers 503 DATABASE_UNAVAILABLE until it is back',
      'Neo4j is reachable again',
    ]);
  });

  it('takes an API that does not answer (restarting) as saying nothing about Neo4j', () => {
    expect(linesFor([200, undefined, 404, 200])).toEqual([]);
    expect(linesFor([503, undefined, 503])).toHaveLength(1);
  });
});
