import type { ExposureRow } from '@lineage/core';
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
