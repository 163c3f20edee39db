import { validationError } from '@lineage/domain';
import type { GraphStore, StoreLookup, WriteProgress, WriteReport } from '@lineage/graph-store';
import {
  detectFormat,
  IMPORTERS,
  type ImportFormat,
  type Importer,
  type ImportPlan,
  type OnReadProgress,
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

/** Rows (nodes and relationships written) above which an import is written in chunks. */
export const DEFAULT_IMPORT_CHUNK_ROWS = 20_000;

export interface ImportRun {
  /** Who imports (e.g. `cli`), for the audit trail. */
  by: string;
  /** Each step as it starts, for a person watching (reading, reconciling, writing). */
  onStep?: (line: string) => void;
  /** Bytes and rows of the files read so far, from the first second of a long read. */
  onRead?: OnReadProgress;
  /** Rows written of all, for the one-transaction path. */
  onProgress?: WriteProgress;
  /** Transactions written of all, for the chunked path (0 of all once before the first). */
  onChunk?: (written: number, total: number) => void;
  /** Rows above which the import is written in chunks of this size. */
  chunkRows?: number;
  /** Aborted (SIGINT), a chunked import rolls back and fails. */
  signal?: AbortSignal;
}

/** What an import wrote; `importId` names a chunked import's record. */
export type ImportReport = WriteReport & { importId?: string };

/**
 * Importing files of one source format, all or nothing: the files are read and reconciled with
 * the stored graph, then written under the write lock, so what the import decides from stored
 * records cannot be overtaken by another writer: a plan made from a graph that moved since is
 * made again under the lock. A plan of at most `chunkRows` rows is written in one transaction;
 * a larger one in chunks that stay invisible until its last transaction (GraphStore.writeStaged).
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
  ): Promise<{
    plan: ImportPlan;
    report: ImportReport;
  }> {
    const step = run.onStep ?? (() => {});
    const chunkRows = run.chunkRows ?? DEFAULT_IMPORT_CHUNK_ROWS;
    await this.store.migrate();
    await this.store.recoverImports({ log: step });
    step(`reading ${files.length} ${format} file(s)...`);
    const reconcile = await this.importers[format].prepare(files, { onProgress: run.onRead });
    const checked = async (lookup: StoreLookup) => {
      const plan = await reconcile(lookup);
      // Reading nothing is almost always a wrong path or format; a backup's trailer vouches for its count.
      if (!plan.records && format !== 'backup')
        throw validationError(`${files.join(', ')}: no ${format} records read; nothing imported`);
      return plan;
    };
    const change = (plan: ImportPlan) => ({
      by: run.by,
      action: `import ${format}`,
      summary: `${format}: ${plan.records} records from ${files.length} file(s)`,
    });
    const plannedAt = await this.store.graphVersion();
    step('reconciling with the stored graph...');
    let plan = await checked(this.store.readLookup());
    const { nodes, relationships, patches = [] } = plan.batch;
    const rows = nodes.length + relationships.length + patches.length;
    if (rows > chunkRows) {
      const { planned, report } = await this.store.writeStaged({
        planned: plan,
        plannedAt,
        replan: checked,
        change,
        chunkRows,
        signal: run.signal,
        onStep: step,
        onChunk: run.onChunk,
      });
      return { plan: planned, report };
    }
    step(
      `writing ${nodes.length} nodes and ${relationships.length} relationships in one transaction...`,
    );
    const written = await this.store.writePlanned(
      // Under the write lock: a graph that moved since the plan was read is reconciled again.
      async (lookup, lockedVersion) =>
        lockedVersion === plannedAt ? plan : (plan = await checked(lookup)),
      change,
      run.onProgress,
    );
    return { plan: written.planned, report: written.report };
  }
}
