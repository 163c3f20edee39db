export {
  buildLineageGraph,
  nodeIndex,
  kindOfNode,
  type LineageGraph,
  type LineageNodeInput,
  type LineageEdgeInput,
} from './lineage-graph';
export { computeImpact, type DefectSpec, type ImpactOptions } from './compute-impact';
export { Impact } from './impact';
export { ImpactView, type ExposedRow, type ImpactFilter } from './impact-view';
