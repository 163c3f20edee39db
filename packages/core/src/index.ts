export { createServices, type Services } from './services';
export { BrowseService } from './browse/browse-service';
export { ImpactService, type ExposureRow } from './impact/impact-service';
export { billOfMaterials, type BillOfMaterials } from './bill-of-materials/bill-of-materials';
