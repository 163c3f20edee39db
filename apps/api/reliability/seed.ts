import { fileURLToPath } from 'node:url';
import { GraphStore } from '@lineage/graph-store';
import { readSeed } from '@lineage/importers';
import type { LoadTargets } from './load-operations';
import { startNeo4jUnderTest, type Neo4jUnderTest } from './neo4j-under-test';

const seedDir = fileURLToPath(new URL('../../../seed', import.meta.url));

/** The curated seed: a realistic small graph for the load to read and build on. */
export async function loadSeed(store: GraphStore): Promise<void> {
  const seed = await readSeed(seedDir);
  await store.write(seed.batch, { by: 'reliability', action: 'seed', summary: 'reliability' });
}

/** A fresh Neo4j of its own, migrated, with the seed loaded; stopped again if that fails. */
export async function startSeededNeo4j(): Promise<Neo4jUnderTest> {
  const neo4j = await startNeo4jUnderTest();
  try {
    const store = await GraphStore.connect({ uri: neo4j.uri });
    try {
      await store.migrate();
      await loadSeed(store);
    } finally {
      await store.close();
    }
    return neo4j;
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

/** The seed's ids the load reads and links to. */
export async function seedTargets(): Promise<LoadTargets> {
  const { batch } = await readSeed(seedDir);
  const idsOf = (kinds: string[]) =>
    batch.nodes.filter((node) => kinds.includes(node.kind)).map((node) => node.id);
  return {
    nodeIds: batch.nodes.map((node) => node.id),
    modelIds: idsOf(['BaseModel', 'FineTune', 'Distillation', 'Merge', 'Quantization', 'Adapter']),
    defectIds: idsOf(['Defect']),
  };
}
