import type { GraphStore } from '@lineage/graph-store';
import { billOfMaterials } from './bill-of-materials/bill-of-materials';
import { BrowseService } from './browse/browse-service';
import { ImpactService } from './impact/impact-service';
import { ImportService } from './imports/import-service';
import { WriteService } from './writes/write-service';

/** The application's use cases over one store: what the API and the CLI call, alike. */
export interface Services {
  browse: BrowseService;
  impact: ImpactService;
  writes: WriteService;
  imports: ImportService;
  billOfMaterials(deploymentId: string): ReturnType<typeof billOfMaterials>;
}

export function createServices(store: GraphStore): Services {
  return {
    browse: new BrowseService(store),
    impact: new ImpactService(store),
    writes: new WriteService(store),
    imports: new ImportService(store),
    billOfMaterials: (deploymentId) => billOfMaterials(store, deploymentId),
  };
}
