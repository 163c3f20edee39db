import { validationError } from '@lineage/domain';
import { planAvid } from './avid/plan';
import { planBackup } from './backup/backup';
import { planCycloneDx } from './cyclonedx/plan-bom';
import { planEcosystemGraphs } from './ecosystem-graphs/plan';
import { planHuggingFace } from './hf/plan';
import { planJailbreakBench } from './jailbreakbench/plan';
import { planVex } from './vex/plan-vex';
import { readEdgesCsv, readModelCards } from './hf/read-hf';
import { batchedLookup } from './matching/batched-lookup';
import { ReadMeter, type OnReadProgress } from './input-lines';
import type { ImportFormat } from './detect-format';
import type { ImportPlan, NodeLookup } from './plan';

export { detectFormat, IMPORT_FORMATS, type ImportFormat } from './detect-format';

/** An import's reconciliation with what is stored, which decides what it writes. */
export type Reconcile = (lookup: NodeLookup) => Promise<ImportPlan>;

/** One source format: how to read its files into a reconciliation with what is stored. */
export interface Importer {
  format: ImportFormat;
  /**
   * Reads the files and returns their reconciliation, to be run where what it reads cannot
   * change before the write: inside the write transaction, after the write lock
   * (GraphStore.writePlanned). A plan made earlier would overwrite records written meanwhile.
   * Files are read here where the format's planner allows (the largest, the HF tree, included),
   * so the lock is held for reconciling and writing only; other formats read them under it.
   */
  prepare(files: string[], options?: PrepareOptions): Promise<Reconcile>;
}

export interface PrepareOptions {
  /** The reading's progress (bytes of the files, rows), from the first second of a long read. */
  onProgress?: OnReadProgress;
}

/** Reads files one after the other (a disk serves one stream best), sharing one progress meter. */
async function readAll<T>(
  files: string[],
  read: (file: string, options: { meter: ReadMeter }) => Promise<T[]>,
  { onProgress }: PrepareOptions = {},
): Promise<T[]> {
  const meter = await ReadMeter.of(files, onProgress);
  const all: T[] = [];
  for (const file of files) for (const item of await read(file, { meter })) all.push(item);
  meter.finish();
  return all;
}

/** A reconciliation whose lookups reach the store in chunks of distinct items (batchedLookup). */
const batched =
  (reconcile: Reconcile): Reconcile =>
  (lookup) =>
    reconcile(batchedLookup(lookup));

const oneFile = (format: ImportFormat, files: string[]) => {
  if (files.length !== 1) throw validationError(`the ${format} format takes one file at a time`);
  return files[0]!;
};

/** Every format `lineage import` reads, by name: a new source is one entry here. */
export const IMPORTERS: Record<ImportFormat, Importer> = {
  'ecosystem-graphs': {
    format: 'ecosystem-graphs',
    prepare: async (files) => batched((lookup) => planEcosystemGraphs(files, lookup)),
  },
  'hf-tree': {
    format: 'hf-tree',
    prepare: async (files, options) => {
      const links = await readAll(files, readEdgesCsv, options);
      return batched((lookup) => planHuggingFace('hf-tree', links, lookup));
    },
  },
  'hf-cards': {
    format: 'hf-cards',
    prepare: async (files, options) => {
      const cards = await readAll(files, readModelCards, options);
      return batched((lookup) => planHuggingFace('hf-cards', cards, lookup));
    },
  },
  avid: { format: 'avid', prepare: async (files) => batched((lookup) => planAvid(files, lookup)) },
  jailbreakbench: {
    format: 'jailbreakbench',
    prepare: async (files) => batched((lookup) => planJailbreakBench(files, lookup)),
  },
  cyclonedx: {
    format: 'cyclonedx',
    prepare: async (files) => {
      const file = oneFile('cyclonedx', files);
      return batched((lookup) => planCycloneDx(file, lookup));
    },
  },
  vex: {
    format: 'vex',
    prepare: async (files) => {
      const file = oneFile('vex', files);
      return (lookup) => planVex(file, lookup);
    },
  },
  backup: {
    format: 'backup',
    prepare: async (files) => {
      // A backup restores records as they were: it reconciles nothing.
      const plan = await planBackup(oneFile('backup', files));
      return async () => plan;
    },
  },
};

/** The reconciliation of files of one format (see Importer.prepare). */
export function prepareImport(
  format: ImportFormat,
  files: string[],
  options?: PrepareOptions,
): Promise<Reconcile> {
  return IMPORTERS[format].prepare(files, options);
}

/** Reads and reconciles files of one format into a plan; nothing is written here. */
export async function planImport(
  format: ImportFormat,
  files: string[],
  lookup: NodeLookup,
): Promise<ImportPlan> {
  return (await prepareImport(format, files))(lookup);
}
