import { GraphStore } from '@lineage/graph-store';
import type { TestProject } from 'vitest/node';
import { startNeo4jUnderTest } from './neo4j-under-test';
import { loadSeed } from './seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's shared Neo4j, with the curated seed loaded. */
    reliabilityNeo4jUri: string;
  }
}

/** One real Neo4j with the seed for the suite; the restart test starts its own to kill. */
export default async function setup(project: TestProject) {
  const neo4j = await startNeo4jUnderTest();
  try {
    const store = await GraphStore.connect({ uri: neo4j.uri });
    try {
      await store.migrate();
      await loadSeed(store);
    } finally {
      await store.close();
    }
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
  project.provide('reliabilityNeo4jUri', neo4j.uri);
  return () => neo4j.stop();
}
