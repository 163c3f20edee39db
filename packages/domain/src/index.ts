export {
  MODEL_KINDS,
  NODE_KINDS,
  KIND_GROUPS,
  ENTITY_LABELS,
  LINEAGE_GROUPS,
  LINEAGE_KINDS,
  isModelKind,
  kindGroup,
  labelsOf,
  type ModelKind,
  type NodeKind,
  type KindGroup,
  type EntityLabel,
} from './kinds';
export { ID_PREFIX, MAX_ID_LENGTH, idProblem, groupOfId } from './ids';
export {
  LINEAGE_RELATIONS,
  CONTEXT_RELATIONS,
  RELATION_TYPES,
  ENDPOINT_RULES,
  isLineageRelation,
  endpointProblem,
  type LineageRelation,
  type ContextRelation,
  type RelationType,
} from './relations';
export {
  DEFECT_CATEGORIES,
  SEVERITIES,
  DEFECT_STATUSES,
  ACCESS_LEVELS,
  severityRank,
  type DefectCategory,
  type Severity,
  type DefectStatus,
  type Access,
} from './defects';
export {
  EXPOSURE_LEVELS,
  TRANSMISSION_LEVELS,
  levelRank,
  weakerLevel,
  atLeast,
  type ExposureLevel,
  type TransmissionLevel,
} from './exposure';
export {
  DEFAULT_TRANSMISSION,
  INFERRED_CAP,
  transmissionLevel,
  transmissionColumn,
  type TransmissionOverrides,
} from './transmission';
export {
  ERROR_CODES,
  DomainError,
  isDomainError,
  notFound,
  validationError,
  conflict,
  cycleError,
  type ErrorCode,
} from './errors';
export {
  entityInputSchema,
  relationshipInputSchema,
  storedEntitySchema,
  storedRelationshipSchema,
  transmissionOverridesSchema,
  CLEARABLE_FIELDS,
  CREATION_DEFAULTS,
  newEntity,
  newRelationship,
  relationshipKey,
  describeIssues,
  type Entity,
  type Relationship,
  type NodePatch,
  type EntityInput,
  type EntityInputDraft,
  type DefectInput,
  type RelationshipInput,
  type RelationshipInputDraft,
  type GraphBatch,
} from './schemas';
export { checkBatchShape, checkEndpoints } from './batch-rules';
export {
  buildLineageGraph,
  nodeIndex,
  kindOfNode,
  computeImpact,
  Impact,
  ImpactView,
  type ExposedRow,
  type ImpactFilter,
  type LineageGraph,
  type LineageNodeInput,
  type LineageEdgeInput,
  type DefectSpec,
  type ImpactOptions,
} from './impact';
export { nameKey, idSlug } from './names';
export {
  ORIGINS,
  MATCH_METHODS,
  isCurated,
  weakerMatch,
  type Origin,
  type MatchMethod,
} from './provenance';
export { toCsv, type Column } from './csv';
