export { GraphStore } from './graph-store';
export type { GraphStoreConfig } from './connection';
export type { StoredEntity } from './entity-props';
export type { ChangeInfo, Counts, Planned, WriteProgress, WriteReport } from './write-store';
export type { RemovalReport } from './remove-store';
export type { StagedReport, StagedWriteOptions } from './staged-import';
export type { RecoveryOptions } from './import-lock';
export type { RunningTransaction } from './transactions-store';
export type { BulkLoadOptions, LoadItem, LoadReport } from './bulk-load';
export type { ChangeRecord, GraphHash, HashScope, SchemaSummary } from './meta-store';
export type { MigrationReport } from './migrations';
export type { DefectContext, Triage } from './defect-store';
export { foldTriage } from './triage-records';
export type {
  Direction,
  LineageSubgraph,
  LineageView,
  LineageViewOptions,
  ViewEdge,
  BlastRadiusRow,
} from './lineage-store';
export type { ListFilter, ListPage, Page } from './list-store';
export { searchTextProblem, SEARCH_LIMITS } from './search-query';
export type { SearchHit, SearchMatch, SearchPage } from './search-store';
export type { StoredRelationship } from './relationship-store';
export { MIGRATIONS } from './migrations';
export { escapeLucene } from './entity-store';
export type { LineageProjection, ProjectionStatus } from './lineage-projection';
export type {
  Candidate,
  OwnedCandidate,
  OwnerQuery,
  StoreLookup,
  StoredReviewDecision,
} from './lookup-store';
export type { ReviewDecisionInput, ReviewReport } from './review-store';
export type { StoredWatch, WatchInput } from './watch-store';
export type { LicensedNode } from './licence-store';
export type { StoredWebhook, TriageChange, WebhookInput } from './webhook-store';
export type { DeliveryAttempt, DeliveryStatus, StoredDelivery } from './delivery-store';
export { offlineLoad } from './offline-load';
export type { OfflineLoadOptions, OfflineLoadReport } from './offline-load';
