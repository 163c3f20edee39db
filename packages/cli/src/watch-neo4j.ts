export type Neo4jState = 'unknown' | 'reachable' | 'unreachable';

/**
 * What an answer of the API's `/ready` says about Neo4j: 200 reachable, 503 unreachable.
 * Anything else (the API itself down or restarting, an API without `/ready`) says nothing.
 */
export function stateFromReady(status: number | undefined): Neo4jState {
  if (status === 200) return 'reachable';
  if (status === 503) return 'unreachable';
  return 'unknown';
}

/** The line to print when Neo4j's state changes, or undefined when there is nothing new. */
export function neo4jStateLine(previous: Neo4jState, next: Neo4jState): string | undefined {
  if (next === 'unknown' || next === previous) return undefined;
  if (next === 'unreachable')
    return 'Neo4j is unreachable: the API answers 503 DATABASE_UNAVAILABLE until it is back';
  return previous === 'unreachable' ? 'Neo4j is reachable again' : undefined;
}

/**
 * Polls the API's `/ready` and prints a line when Neo4j becomes unreachable and when it is
 * back, so a dead database is noticed where `lineage start` runs, not at the first request.
 */
export function watchNeo4j(options: {
  readyUrl: string;
  intervalMs?: number;
  log: (line: string) => void;
}): { stop(): void } {
  let state: Neo4jState = 'unknown';
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    const status = await fetch(options.readyUrl, { signal: AbortSignal.timeout(5000) })
      .then((response) => response.status)
      .catch(() => undefined);
    if (stopped) return;
    const next = stateFromReady(status);
    const line = neo4jStateLine(state, next);
    if (line) options.log(line);
    if (next !== 'unknown') state = next;
    timer = setTimeout(() => void poll(), options.intervalMs ?? 2000);
  };
  void poll();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
