export { createServices, type Services } from './services';
export { BrowseService } from './browse/browse-service';
export { ImpactService, type ExposureRow } from './impact/impact-service';
export { WriteService, type Author } from './writes/write-service';
export { BackupService } from './backup/backup-service';
export { seedDatabase, type SeedResult } from './imports/seed';
export { detectImportFormat, ImportService, type ImportRun } from './imports/import-service';
export { billOfMaterials, type BillOfMaterials } from './bill-of-materials/bill-of-materials';
// What callers of the services see of stored records, and the store's own input rule for search.
export type {
  ListFilter,
  StoredEntity,
  StoredRelationship,
  ChangeInfo,
  WriteReport,
} from '@lineage/graph-store';
export { searchTextProblem } from '@lineage/graph-store';
