import path from 'node:path';
import { createServices, seedDatabase } from '@lineage/core';
import type { GraphStore } from '@lineage/graph-store';
import { realSourceImports } from '@lineage/importers/testing';
import { repo, type Neo4jMemory } from './stack';

/** A fresh Neo4j that imports the real sources: each import is one transaction (issue 14). */
export const REAL_GRAPH_MEMORY: Neo4jMemory = {
  heap: '3g',
  transactionMax: '1500m',
  transactionTotal: '2g',
};

/** The four real sources, or undefined (with a printed notice) where any is absent. */
export const realSources = () =>
  realSourceImports('the browser tests on the real sources (the seed alone is loaded)');

/**
 * The graph the browser tests read: the curated seed, then the four real sources in the order
 * a user would import them (about 37,000 nodes). Returns whether the real sources were there.
 */
export async function loadE2eGraph(store: GraphStore, log: (line: string) => void) {
  await seedDatabase(store, path.join(repo, 'seed'));
  const imports = await realSources();
  if (!imports) return false;
  const services = createServices(store);
  for (const { format, files } of imports) {
    const started = Date.now();
    await services.imports.run(format, files, { by: 'e2e' });
    log(`imported ${format} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  return true;
}
