export {
  buildLineageGraph,
  nodeIndex,
  nodeCount,
  graphIds,
  parentEdgesOf,
  kindOfNode,
  nodeExistsOn,
  edgeHoldsOn,
  type LineageGraph,
  type LineageNodeInput,
  type LineageEdgeInput,
} from './lineage-graph';
export { computeImpact, type DefectSpec, type ImpactOptions } from './compute-impact';
export { Impact } from './impact';
export { ImpactView, type ExposedRow, type ImpactFilter, type PathHop } from './impact-view';
export { timeBreakpoints, periodsOf, type TimedValue } from './periods';
export {
  applyLineageDeltas,
  compactLineageGraph,
  overlayShare,
  lineageNodesOf,
  lineageEdgesOf,
  type LineageDelta,
  type LineageEdgeKey,
} from './lineage-delta';
