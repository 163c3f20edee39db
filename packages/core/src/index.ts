export { createServices, type ServiceOptions, type Services } from './services';
export type { DefectContextReader } from './impact/impact-service';
export { BrowseService } from './browse/browse-service';
export {
  ImpactService,
  type ExposureRow,
  type ExposureWindow,
  type Changes,
  type ExposureChange,
  type LineageChange,
} from './impact/impact-service';
export { resolveAsOf, type AsOf, type TimeOptions } from './time/as-of';
export { triageSummary, type TriageSummary } from './impact/triage-summary';
export { WriteService, type Author } from './writes/write-service';
export {
  WatchService,
  MAX_WATCHES,
  type WatchFilter,
  type WatchedExposure,
} from './watch/watch-service';
export { AlertService } from './alerts/alert-service';
export {
  LicenceService,
  type GraphLicenceReport,
  type NodeLicenceReport,
} from './licences/licence-service';
export type { InheritedTerms, LicenceFinding } from './licences/licence-inheritance';
export {
  DEFAULT_DELIVERY_POLICY,
  signature as webhookSignature,
  type DeliveryPolicy,
} from './alerts/webhook-sender';
export { BackupService } from './backup/backup-service';
export { seedDatabase, type SeedResult } from './imports/seed';
export {
  DEFAULT_IMPORT_CHUNK_ROWS,
  detectImportFormat,
  ImportService,
  type ImportReport,
  type ImportRun,
} from './imports/import-service';
export { ReviewService } from './review/review-service';
export { planFile, type PlanFile, type Proposal } from './review/plan-file';
export {
  REVIEW_LIMITS,
  reviewInputProblems,
  type InputProblem,
  type ReviewInput,
} from './review/review-input';
export { billOfMaterials, type BillOfMaterials } from './bill-of-materials/bill-of-materials';
export { cycloneDxBom } from './bill-of-materials/cyclonedx-bom';
export { vexDocument, type VexDocumentFormat, type VexOptions } from './vex/vex-documents';
export {
  withUploadedFile,
  UPLOAD_FORMATS,
  type UploadFormat,
  type UploadedFile,
} from './imports/uploaded-file';
// What callers of the services see of stored records, and the store's own input rule for search.
export type {
  ListFilter,
  ListPage,
  StoredEntity,
  StoredRelationship,
  Triage,
  StoredWatch,
  StoredWebhook,
  StoredDelivery,
  ChangeInfo,
  WriteReport,
  ReviewReport,
  StoredReviewDecision,
} from '@lineage/graph-store';
export { searchTextProblem } from '@lineage/graph-store';
