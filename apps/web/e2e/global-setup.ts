import type { TestProject } from 'vitest/node';
import { loadE2eGraph, realSources, REAL_GRAPH_MEMORY } from './e2e-graph';
import { e2eEnv } from './env';
import { startStack } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
    /** True when the graph holds the four real sources beside the seed. */
    realData: boolean;
  }
}

/**
 * The browser tests run against the real stack with the curated seed plus, where they are
 * present, the four real sources imported (about 37,000 nodes): pages must read well at the
 * size users see. LINEAGE_E2E_NEO4J_URI reuses a Neo4j already loaded that way (see
 * e2e/dev-graph.ts), to skip the imports while working on a page.
 */
export default async function setup(project: TestProject) {
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  let realData = false;
  const reuse = e2eEnv.LINEAGE_E2E_NEO4J_URI;
  const stack = await startStack({
    ...(reuse
      ? { neo4jUri: reuse }
      : {
          load: async (store) => {
            log('loading the seed and the real sources...');
            realData = await loadE2eGraph(store, log);
          },
          neo4jMemory: REAL_GRAPH_MEMORY,
        }),
    log,
  });
  if (reuse) realData = (await realSources()) !== undefined;
  project.provide('webUrl', stack.webUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('realData', realData);
  return stack.stop;
}
