import { fileURLToPath } from 'node:url';
import type { GraphStore } from '@lineage/graph-store';
import { readSeed } from '@lineage/importers';
import type { LoadTargets } from './load-operations';

const seedDir = fileURLToPath(new URL('../../../seed', import.meta.url));

/** The curated seed: a realistic small graph for the load to read and build on. */
export async function loadSeed(store: GraphStore): Promise<void> {
  const seed = await readSeed(seedDir);
  await store.write(seed.batch, { by: 'reliability', action: 'seed', summary: 'reliability' });
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
