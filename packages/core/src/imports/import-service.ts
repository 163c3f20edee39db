import { validationError } from '@lineage/domain';
import type { GraphStore, WriteProgress, WriteReport } from '@lineage/graph-store';
import {
  detectFormat,
  IMPORTERS,
  type ImportFormat,
  type Importer,
  type ImportPlan,
  type SeedContents,
} from '@lineage/importers';

/** The one format the files hold, guessed from their names and contents (no store needed). */
export async function detectImportFormat(files: string[]): Promise<ImportFormat> {
  const formats = [...new Set(await Promise.all(files.map(detectFormat)))];
  if (formats.length !== 1)
    throw validationError(
      `the files hold several formats (${formats.join(', ')}): import them one format at a time`,
    );
  return formats[0]!;
}

export interface ImportRun {
  /** Who imports (e.g. `cli`), for the audit trail. */
  by: string;
  /** Each step as it starts, for a person watching (reading, reconciling, writing). */
  onStep?: (line: string) => void;
  onProgress?: WriteProgress;
}

/**
 * Importing files of one source format, all or nothing: the files are read, then reconciled
 * with the stored graph and written in one transaction under the write lock, so what the
 * import decides from stored records cannot be overtaken by another writer.
 */
export class ImportService {
  constructor(
    private readonly store: GraphStore,
    private readonly importers: Record<ImportFormat, Importer> = IMPORTERS,
  ) {}

  /**
   * The curated seed (already read and validated as a whole), in one transaction. A seed id
   * that an import stored first in another letter case (the hub ignores case) takes the
   * stored spelling, under the write lock, so the curated record lands on that node.
   */
  async seed(contents: SeedContents): Promise<WriteReport> {
    const { nodes, relationships } = contents.batch;
    const { report } = await this.store.writePlanned(
      async (lookup) => {
        const stored = await lookup.storedIdsFolded(nodes.map((node) => node.id));
        const idOf = (id: string) => stored.get(id)?.id ?? id;
        return {
          batch: {
            nodes: nodes.map((node) => ({ ...node, id: idOf(node.id) })),
            relationships: relationships.map((r) => ({ ...r, from: idOf(r.from), to: idOf(r.to) })),
          },
        };
      },
      () => ({
        by: 'seed',
        action: 'seed',
        summary: `seed: ${nodes.length} nodes, ${relationships.length} relationships from ${contents.files.length} files`,
      }),
    );
    return report;
  }

  async run(
    format: ImportFormat,
    files: string[],
    run: ImportRun,
  ): Promise<{ plan: ImportPlan; report: WriteReport }> {
    const step = run.onStep ?? (() => {});
    await this.store.migrate();
    step(`reading ${files.length} ${format} file(s)...`);
    const reconcile = await this.importers[format].prepare(files);
    const { planned: plan, report } = await this.store.writePlanned(
      async (lookup) => {
        step('reconciling with the stored graph, under the write lock...');
        const plan = await reconcile(lookup);
        // Reading nothing is almost always a wrong path or format; a backup's trailer vouches for its count.
        if (!plan.records && format !== 'backup')
          throw validationError(`${files.join(', ')}: no ${format} records read; nothing imported`);
        const { nodes, relationships } = plan.batch;
        step(
          `writing ${nodes.length} nodes and ${relationships.length} relationships in one transaction...`,
        );
        return plan;
      },
      (plan) => ({
        by: run.by,
        action: `import ${format}`,
        summary: `${format}: ${plan.records} records from ${files.length} file(s)`,
      }),
      run.onProgress,
    );
    return { plan, report };
  }
}
