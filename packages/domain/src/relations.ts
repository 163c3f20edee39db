import type { KindGroup } from './kinds';

/**
 * Lineage relationships point from the dependent to what it depends on (child -> parent); a
 * defect flows the other way. Only these are traversed for impact, checked for cycles, or
 * counted as lineage.
 */
export const LINEAGE_RELATIONS = [
  'FINE_TUNED_FROM',
  'DISTILLED_FROM',
  'QUANTIZED_FROM',
  'MERGED_FROM',
  'ADAPTER_OF',
  // The same weights republished under another owner (a re-upload of a vendor's model).
  'REUPLOAD_OF',
  // A family name (an alias such as `gpt-4o`) served by one dated snapshot over a period: a
  // defect measured on the snapshot reaches what uses the name only while it pointed there.
  'POINTS_TO',
  'TRAINED_ON',
  'GENERATED_BY',
  'DEPLOYS',
  'BUILT_ON',
  'DEPENDS_ON',
] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

/** Relationships that describe context and are never traversed for impact. */
export const CONTEXT_RELATIONS = [
  'DEVELOPED_BY',
  'OPERATED_BY',
  'AFFECTS',
  'MITIGATES',
  // A dated snapshot belongs to its family, whether or not the family's name ever pointed at it.
  'SNAPSHOT_OF',
  // A person's analysis of whether a defect affects the node (triage.ts), node -> defect.
  'TRIAGED',
] as const;
export type ContextRelation = (typeof CONTEXT_RELATIONS)[number];

export const RELATION_TYPES = [...LINEAGE_RELATIONS, ...CONTEXT_RELATIONS] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export function isLineageRelation(type: RelationType): type is LineageRelation {
  return (LINEAGE_RELATIONS as readonly string[]).includes(type);
}

interface EndpointRule {
  from: readonly KindGroup[];
  to: readonly KindGroup[];
}

const MODEL_TO_MODEL: EndpointRule = { from: ['Model'], to: ['Model'] };
const LINEAGE_NODES: readonly KindGroup[] = ['Model', 'Dataset', 'Deployment'];

/** Which kinds each relationship may connect, from its start node to its end node. */
export const ENDPOINT_RULES: Record<RelationType, EndpointRule> = {
  FINE_TUNED_FROM: MODEL_TO_MODEL,
  DISTILLED_FROM: MODEL_TO_MODEL,
  QUANTIZED_FROM: MODEL_TO_MODEL,
  MERGED_FROM: MODEL_TO_MODEL,
  ADAPTER_OF: MODEL_TO_MODEL,
  REUPLOAD_OF: MODEL_TO_MODEL,
  POINTS_TO: MODEL_TO_MODEL,
  TRAINED_ON: { from: ['Model'], to: ['Dataset'] },
  GENERATED_BY: { from: ['Dataset'], to: ['Model'] },
  DEPLOYS: { from: ['Deployment'], to: ['Model'] },
  BUILT_ON: { from: ['Deployment'], to: ['Deployment'] },
  DEPENDS_ON: { from: LINEAGE_NODES, to: LINEAGE_NODES },
  DEVELOPED_BY: { from: ['Model', 'Dataset'], to: ['Provider'] },
  OPERATED_BY: { from: ['Deployment'], to: ['Provider'] },
  AFFECTS: { from: ['Defect'], to: LINEAGE_NODES },
  MITIGATES: { from: ['Model', 'Deployment'], to: ['Defect'] },
  SNAPSHOT_OF: MODEL_TO_MODEL,
  TRIAGED: { from: LINEAGE_NODES, to: ['Defect'] },
};

/** Why a relationship of `type` cannot join these kinds, or undefined when it can. */
export function endpointProblem(
  type: RelationType,
  fromGroup: KindGroup,
  toGroup: KindGroup,
): string | undefined {
  const rule = ENDPOINT_RULES[type];
  if (rule.from.includes(fromGroup) && rule.to.includes(toGroup)) return undefined;
  return `${type} goes from ${rule.from.join(' or ')} to ${rule.to.join(' or ')}, not from ${fromGroup} to ${toGroup}`;
}
