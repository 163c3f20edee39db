import type { TestProject } from 'vitest/node';
import { startSeededNeo4j } from './seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's shared Neo4j, with the curated seed loaded. */
    reliabilityNeo4jUri: string;
  }
}

/** One real Neo4j with the seed for the suite; the restart test starts its own to kill. */
export default async function setup(project: TestProject) {
  const neo4j = await startSeededNeo4j();
  project.provide('reliabilityNeo4jUri', neo4j.uri);
  return () => neo4j.stop();
}
