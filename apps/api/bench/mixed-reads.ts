import autocannon from 'autocannon';
import { NODE_PAGE, ONE_HOP, SEARCH, STATS } from './queries';

export interface MixedReadsResult {
  requestsPerSecond: number;
  requests: number;
  /** Socket errors and timeouts, non-2xx answers, and 200s whose body carries GraphQL errors. */
  errors: number;
  latencyP50: number;
  latencyP99: number;
  connections: number;
  seconds: number;
}

/**
 * Mixed reads on loopback with autocannon: node pages, one-hop neighbourhoods, searches and
 * stats, over the ids given, as the web app would ask for them.
 */
export async function mixedReads(
  url: string,
  ids: string[],
  names: string[],
  options: { seconds: number; connections: number },
): Promise<MixedReadsResult> {
  const bodies = [
    ...ids.map((id) => ({ query: NODE_PAGE, variables: { id } })),
    ...ids.map((id) => ({ query: ONE_HOP, variables: { id } })),
    ...names.map((text) => ({ query: SEARCH, variables: { text } })),
    { query: STATS, variables: {} },
  ].map((body) => JSON.stringify(body));
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    connections: options.connections,
    seconds: options.seconds,
  };
}
