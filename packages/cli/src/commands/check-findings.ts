import type { ExposureRow, LicenceFinding } from '@lineage/core';
import type { CheckFinding, CheckRule } from '../sarif';

export const DEFECT_RULE: CheckRule = {
  id: 'defect-reaches-deployment',
  name: 'DefectReachesDeployment',
  shortDescription:
    'A defect at or above the failing severity reaches the deployment through its lineage',
};

/** A failing exposure as a check finding: about the deployment, along the defect's path. */
export function defectFinding(deploymentId: string, row: ExposureRow, asOf: string): CheckFinding {
  return {
    ruleId: DEFECT_RULE.id,
    level: 'error',
    message: `${row.defectId} (${row.severity}) reaches ${deploymentId} at ${row.row.level} through ${row.row.path.join(' > ')}`,
    subjectId: deploymentId,
    path: row.row.path,
    properties: {
      defectId: row.defectId,
      severity: row.severity,
      level: row.row.level,
      asOf,
      ...(row.triage ? { triage: row.triage.state } : {}),
    },
  };
}

export const LICENCE_RULES: CheckRule[] = [
  {
    id: 'licence-drops-terms',
    name: 'LicenceDropsTerms',
    shortDescription:
      "A derivative in the supply chain declares a licence that drops terms it inherits from an ancestor's",
  },
  {
    id: 'licence-conflicts',
    name: 'LicenceConflicts',
    shortDescription:
      "A derivative in the supply chain declares a licence that cannot hold beside an ancestor's terms",
  },
];

/** A licence problem upstream of the deployment, about the derivative that has it. */
export function licenceFinding(finding: LicenceFinding, level: 'error' | 'warning'): CheckFinding {
  return {
    ruleId: finding.kind === 'CONFLICTS' ? 'licence-conflicts' : 'licence-drops-terms',
    level,
    message: `${finding.node.id} ${finding.reason}`,
    subjectId: finding.node.id,
    path: finding.path,
    properties: {
      inherited: finding.ancestor.id,
      declared: finding.declared?.id ?? '',
      level: finding.level,
      acknowledged: finding.acknowledged,
    },
    ...(finding.ancestor.source ? { helpUri: finding.ancestor.source } : {}),
  };
}
