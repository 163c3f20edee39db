import type { DeliveryPolicy } from '@lineage/core';
import type { GraphStore } from '@lineage/graph-store';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import { TokenAuthenticator } from './auth';
import { cacheKeyId, createContext } from './context';
import { apiError } from './errors';
import {
  DatabaseAvailability,
  useDatabaseAvailability,
  useReadiness,
} from './http/database-availability';
import { useBodyLimit } from './http/body-limit';
import { createMaskError } from './http/mask-error';
import { MAX_IMPORT_BYTES } from './modules/files/resolvers';
import { useCostLimit } from './http/cost-limit';
import { useLimits, useRejectionCodes, useRequestLog } from './http/plugins';
import { dropSomeWrites } from './drop-writes-fault';
import { VersionedReadCache } from './read-cache';
import { createSchema } from './schema';

export interface AppOptions {
  store: GraphStore;
  log: Logger;
  writeTokens: string[];
  readTokens?: string[] | undefined;
  /** Test-only fault: the share of writes acknowledged without being committed (default 0). */
  faultDropWrites?: number;
  /** Origins whose pages may call the API from a browser (CORS); none by default. */
  corsOrigins?: string[];
  /** How webhooks are checked and sent (default: DEFAULT_DELIVERY_POLICY, no private receivers). */
  deliveryPolicy?: DeliveryPolicy;
}

/** The GraphQL API as a fetch handler: served by node:http in main.ts, called directly in tests. */
export function createApp(options: AppOptions) {
  const auth = new TokenAuthenticator({
    writeTokens: options.writeTokens,
    readTokens: options.readTokens,
  });
  const availability = new DatabaseAvailability(options.store, options.log);
  const store = availability.watch(
    options.faultDropWrites
      ? dropSomeWrites(options.store, options.faultDropWrites)
      : options.store,
  );
  const readCache = new VersionedReadCache({
    touchedBetween: (since, until) => store.touchedBetween(since, until),
    idOf: cacheKeyId,
  });
  // Know at once whether Neo4j is there, so the first requests need not find out one by one.
  void availability.readiness();
  return createYoga({
    schema: createSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // GraphiQL is bundled, so it works with no network.
    graphiql: { title: 'Lineage GraphQL', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    logging: false,
    // Same-origin only unless origins are configured; never credentials: the API reads bearer
    // tokens, which a browser does not attach on its own, so no cookie could speak for a user.
    cors: (request) => {
      const origin = request.headers.get('origin');
      const allowed = origin !== null && (options.corsOrigins ?? []).includes(origin);
      return allowed ? { origin, credentials: false, methods: ['GET', 'POST'] } : false;
    },
    maskedErrors: { maskError: createMaskError(options.log) },
    plugins: [
      // importFile's content, escaped as JSON, plus the rest of the request.
      useBodyLimit(2 * MAX_IMPORT_BYTES + 64 * 1024),
      useLimits(),
      // The heaviest page of the web app (a defect's impact, 500 nodes) costs about 20,500;
      // 500 models with 500 children each cost 1.5 million.
      useCostLimit({ maxCost: 100_000 }),
      useRejectionCodes(),
      useReadiness(availability),
      useDatabaseAvailability(availability),
      useRequestLog(options.log),
    ],
    context: ({ request }) => {
      const viewer = auth.viewerFor(request.headers.get('authorization'));
      if (viewer.rejectedToken) throw apiError('UNAUTHENTICATED', 'the bearer token is not valid');
      if (!viewer.canRead) {
        throw apiError('UNAUTHENTICATED', 'reads need an Authorization: Bearer <token> header');
      }
      return createContext(store, readCache, viewer, options.log, options.deliveryPolicy);
    },
  });
}

const EXAMPLE_QUERY = `# Which deployed products does a defect reach, how surely, and through which path?
query Impact {
  impact(defectId: "defect:FMD-2026-0007", kinds: [Deployment], first: 10) {
    defect { name category severity }
    totals { exposed byLevel { level count } }
    exposed {
      edges { node { level distance node { id name } path { id } } }
    }
  }
}
`;
