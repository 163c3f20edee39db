export { readSeed, type SeedContents } from './seed/read-seed';
export { emptyNotes, type ImportNotes, type ImportPlan, type NodeLookup } from './plan';
export {
  NameResolver,
  type MatchRecord,
  type NameReference,
  type Resolution,
} from './matching/name-resolver';
export { decisionKey, ReviewDecisions, type ReviewDecision } from './matching/review-decisions';
export { importedFrom, importedLink } from './matching/provenance';
export { refuseCycles } from './cycles';
export { planEcosystemGraphs } from './ecosystem-graphs/plan';
export { readEdgesCsv, readModelCards } from './hf/read-hf';
export { planHuggingFace } from './hf/plan';
export { planAvid } from './avid/plan';
export { AVID_CATEGORIES, categoryOf } from './avid/categories';
export { planJailbreakBench, ORIGIN_THRESHOLD, methodAlias } from './jailbreakbench/plan';
export {
  buildBom,
  validateBom,
  PROPERTY as BOM_PROPERTY,
  type BomInput,
  type BomTriage,
} from './cyclonedx/export-bom';
export { planCycloneDx } from './cyclonedx/plan-bom';
export {
  buildCycloneDxVex,
  validateCycloneDxVex,
  VEX_PROPERTY,
  CYCLONEDX_VEX_VERSIONS,
  type CycloneDxVexOptions,
  type CycloneDxVexVersion,
} from './vex/cyclonedx-vex';
export { buildOpenVex } from './vex/openvex';
export { validateOpenVex } from './vex/openvex-schema';
export { readVex } from './vex/read-vex';
export { isVexDocument } from './vex/detect-vex';
export type {
  VexInput,
  VexStatement,
  VexDefect,
  VexAnalysis,
  VexReading,
  VexFormat,
} from './vex/vex-input';
export { planBackup } from './backup/backup';
export {
  BackupWriter,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupItem,
  type BackupTrailer,
} from './backup/backup-format';
export { generateSynthetic, HF_SHAPE, type SyntheticItem } from './generate/synthetic';
export { hfEdgeLines, writeHfEdgesCsv } from './generate/hf-edges-csv';
export {
  planImport,
  prepareImport,
  IMPORTERS,
  type Importer,
  detectFormat,
  IMPORT_FORMATS,
  type ImportFormat,
  type Reconcile,
  type PrepareOptions,
} from './plan-import';
export type { ReadProgress, OnReadProgress } from './input-lines';
export {
  organisations,
  OrganisationIndex,
  type Organisation,
} from './identity/organisations-index';
