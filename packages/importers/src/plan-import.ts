import { validationError } from '@lineage/domain';
import { planAvid } from './avid/plan';
import { planBackup } from './backup/backup';
import { planCycloneDx } from './cyclonedx/plan-bom';
import { planEcosystemGraphs } from './ecosystem-graphs/plan';
import { planHuggingFace } from './hf/plan';
import { planJailbreakBench } from './jailbreakbench/plan';
import { readEdgesCsv, readModelCards } from './hf/read-hf';
import type { ImportFormat } from './detect-format';
import type { ImportPlan, NodeLookup } from './plan';

export { detectFormat, IMPORT_FORMATS, type ImportFormat } from './detect-format';

/** An import's reconciliation with what is stored, which decides what it writes. */
export type Reconcile = (lookup: NodeLookup) => Promise<ImportPlan>;

/**
 * Reads files of one format and returns their reconciliation, to be run where what it reads
 * cannot change before the write: inside the write transaction, after the write lock
 * (GraphStore.writePlanned). A plan made earlier would overwrite records written meanwhile.
 * Files are read here where the format's planner allows (the largest, the HF tree, included),
 * so the lock is held for reconciling and writing only; other formats read them under it.
 */
export async function prepareImport(format: ImportFormat, files: string[]): Promise<Reconcile> {
  const single = () => {
    if (files.length !== 1) throw validationError(`the ${format} format takes one file at a time`);
    return files[0]!;
  };
  switch (format) {
    case 'ecosystem-graphs':
      return (lookup) => planEcosystemGraphs(files, lookup);
    case 'hf-tree': {
      const links = (await Promise.all(files.map(readEdgesCsv))).flat();
      return (lookup) => planHuggingFace(format, links, lookup);
    }
    case 'hf-cards': {
      const cards = (await Promise.all(files.map(readModelCards))).flat();
      return (lookup) => planHuggingFace(format, cards, lookup);
    }
    case 'avid':
      return (lookup) => planAvid(files, lookup);
    case 'jailbreakbench':
      return (lookup) => planJailbreakBench(files, lookup);
    case 'cyclonedx': {
      const file = single();
      return (lookup) => planCycloneDx(file, lookup);
    }
    case 'backup': {
      // A backup restores records as they were: it reconciles nothing.
      const plan = await planBackup(single());
      return async () => plan;
    }
  }
}

/** Reads and reconciles files of one format into a plan; nothing is written here. */
export async function planImport(
  format: ImportFormat,
  files: string[],
  lookup: NodeLookup,
): Promise<ImportPlan> {
  return (await prepareImport(format, files))(lookup);
}
