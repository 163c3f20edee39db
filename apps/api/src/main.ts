import { createServer } from 'node:http';
import { createServices } from '@lineage/core';
import { GraphStore } from '@lineage/graph-store';
import pino from 'pino';
import { createApp } from './app';
import { readApiEnv } from './env';

const env = readApiEnv();
const log = pino({ level: env.LOG_LEVEL, base: { service: 'lineage-api' } });

// Start even when Neo4j is down: requests answer 503 until it is back, then recover.
const store = await GraphStore.connect(
  {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER ?? (env.NEO4J_PASSWORD !== undefined ? 'neo4j' : undefined),
    password: env.NEO4J_PASSWORD,
    database: env.NEO4J_DATABASE,
    queryTimeoutMs: env.LINEAGE_QUERY_TIMEOUT_MS,
  },
  { verify: false },
);

async function migrateWhenReachable(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const report = await store.migrate();
      if (report.applied.length) log.info({ applied: report.applied }, 'migrations applied');
      // An import whose process was killed still holds the graph: rolled back at start.
      const recovered = await store.recoverImports();
      if (recovered.length) log.warn({ imports: recovered }, 'unfinished imports rolled back');
      return;
    } catch (error) {
      if (attempt === 1) log.warn({ err: (error as Error).message }, 'Neo4j not ready; will retry');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}
void migrateWhenReachable();

if (env.LINEAGE_PROJECTION === 'on') {
  store.enableProjection((error) =>
    log.warn({ err: error.message }, 'lineage projection not rebuilt; impact uses Cypher'),
  );
}

const deliveryPolicy = {
  retryBaseMs: env.LINEAGE_WEBHOOK_RETRY_BASE_MS,
  maxAttempts: env.LINEAGE_WEBHOOK_MAX_ATTEMPTS,
  timeoutMs: env.LINEAGE_WEBHOOK_TIMEOUT_MS,
  allowPrivateAddresses: env.LINEAGE_WEBHOOK_ALLOW_PRIVATE === 'on',
};
const alerts = createServices(store, { deliveryPolicy }).alerts;
if (env.LINEAGE_ALERTS === 'on') {
  alerts.start(env.LINEAGE_ALERT_POLL_MS, (error) =>
    log.warn({ err: error.message }, 'alerts pass failed; the next pass tries again'),
  );
}

if (env.LINEAGE_FAULT_DROP_WRITES > 0) {
  log.warn(
    { rate: env.LINEAGE_FAULT_DROP_WRITES },
    'LINEAGE_FAULT_DROP_WRITES is on: some writes are acknowledged but never committed (a test-only fault)',
  );
}

const yoga = createApp({
  store,
  log,
  writeTokens: env.LINEAGE_WRITE_TOKENS,
  readTokens: env.LINEAGE_READ_TOKENS,
  faultDropWrites: env.LINEAGE_FAULT_DROP_WRITES,
  corsOrigins: env.LINEAGE_CORS_ORIGINS,
  deliveryPolicy,
});
// yoga answers every request itself, errors included: nothing is left to await here.
const server = createServer((request, response) => void yoga(request, response));
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  log.info({ port, graphql: `http://localhost:${port}/graphql` }, 'Lineage API listening');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log.info({ signal }, 'stopping');
    server.close(
      () =>
        void alerts
          .stop()
          .then(() => store.close())
          .then(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
