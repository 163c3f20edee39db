import type { GraphStore, MigrationReport } from '@lineage/graph-store';
import { AlertService } from './alerts/alert-service';
import { LicenceService } from './licences/licence-service';
import { vexDocument, type VexOptions } from './vex/vex-documents';
import type { DeliveryPolicy } from './alerts/webhook-sender';
import { BackupService } from './backup/backup-service';
import { billOfMaterials } from './bill-of-materials/bill-of-materials';
import { cycloneDxBom } from './bill-of-materials/cyclonedx-bom';
import { BrowseService } from './browse/browse-service';
import { ImpactService, type DefectContextReader } from './impact/impact-service';
import { ImportService } from './imports/import-service';
import { ReviewService } from './review/review-service';
import type { TimeOptions } from './time/as-of';
import { WatchService } from './watch/watch-service';
import { WriteService } from './writes/write-service';

/** The application's use cases over one store: what the API and the CLI call, alike. */
export interface Services {
  browse: BrowseService;
  impact: ImpactService;
  writes: WriteService;
  imports: ImportService;
  backup: BackupService;
  review: ReviewService;
  watches: WatchService;
  alerts: AlertService;
  licences: LicenceService;
  /** Brings the database's schema (constraints, indexes) up to date; safe to repeat. */
  migrate(): Promise<MigrationReport>;
  billOfMaterials(deploymentId: string, options?: TimeOptions): ReturnType<typeof billOfMaterials>;
  /** A validated VEX document (CycloneDX or OpenVEX) of a defect or a product's triage. */
  vex(subjectId: string, options: VexOptions): ReturnType<typeof vexDocument>;
  /** The bill as a validated CycloneDX 1.6 JSON document. */
  cycloneDxBom(deploymentId: string, options?: TimeOptions): ReturnType<typeof cycloneDxBom>;
}

export interface ServiceOptions {
  /** Reads a defect's context for impact (default: the store's, one query each). */
  defectContext?: DefectContextReader;
  /** How webhook deliveries are retried (default: DEFAULT_DELIVERY_POLICY). */
  deliveryPolicy?: DeliveryPolicy;
}

export function createServices(store: GraphStore, options: ServiceOptions = {}): Services {
  const watches = new WatchService(store);
  const impact = new ImpactService(store, options.defectContext);
  return {
    browse: new BrowseService(store),
    impact,
    writes: new WriteService(store),
    imports: new ImportService(store),
    backup: new BackupService(store),
    review: new ReviewService(store),
    watches,
    alerts: new AlertService(store, watches, options.deliveryPolicy),
    licences: new LicenceService(store),
    migrate: () => store.migrate(),
    billOfMaterials: (deploymentId, options) => billOfMaterials(store, deploymentId, options),
    cycloneDxBom: (deploymentId, options) => cycloneDxBom(store, deploymentId, options),
    vex: (subjectId, vexOptions) => vexDocument(store, impact, subjectId, vexOptions),
  };
}
