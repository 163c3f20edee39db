import type { GraphStore, WriteReport } from '@lineage/graph-store';
import { readSeed, type SeedContents } from '@lineage/importers';
import { ImportService } from './import-service';

export interface SeedResult {
  contents: SeedContents;
  report: WriteReport;
}

/**
 * Validates the whole seed directory, then writes it in one transaction: a bad record stops
 * everything before anything is written, and loading twice changes nothing the second time.
 */
export async function seedDatabase(store: GraphStore, dir: string): Promise<SeedResult> {
  const contents = await readSeed(dir);
  return { contents, report: await new ImportService(store).seed(contents) };
}
