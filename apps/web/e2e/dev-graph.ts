/**
 * For work on the pages: starts a Neo4j holding what the browser tests read (the seed and the
 * real sources), prints its URI and keeps it up until interrupted. Then
 * `LINEAGE_E2E_NEO4J_URI=<uri> npm run test:e2e -- <file>` skips the minutes of imports.
 * Run with `npx tsx apps/web/e2e/dev-graph.ts`.
 */
import { loadE2eGraph, REAL_GRAPH_MEMORY } from './e2e-graph';
import { startFreshNeo4j } from './stack';

const log = (line: string) => process.stderr.write(`[dev-graph] ${line}\n`);
const neo4j = await startFreshNeo4j(async (store) => {
  log('loading the seed and the real sources...');
  log((await loadE2eGraph(store, log)) ? 'loaded' : 'loaded the seed only');
}, REAL_GRAPH_MEMORY);
process.stdout.write(`LINEAGE_E2E_NEO4J_URI=${neo4j.uri}\n`);
const stop = () => void neo4j.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
