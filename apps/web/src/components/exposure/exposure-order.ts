import { LEVEL_ORDER } from '../../graph/vocabulary';

const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const rank = (order: readonly string[], value: string) => {
  const index = order.indexOf(value);
  return index === -1 ? order.length : index;
};

export interface RankedExposure {
  level: string;
  mitigated: boolean;
  stoppedBy: unknown[];
  defect: { id: string; severity: string };
}

/**
 * The order a node's defects are read in: what reaches it before what is mitigated or stopped
 * upstream, then the strongest level, then the gravest severity, then by id.
 */
export function byStrength(a: RankedExposure, b: RankedExposure): number {
  return (
    Number(a.stoppedBy.length > 0) - Number(b.stoppedBy.length > 0) ||
    Number(a.mitigated) - Number(b.mitigated) ||
    rank(LEVEL_ORDER, a.level) - rank(LEVEL_ORDER, b.level) ||
    rank(SEVERITY_ORDER, a.defect.severity) - rank(SEVERITY_ORDER, b.defect.severity) ||
    (a.defect.id < b.defect.id ? -1 : a.defect.id > b.defect.id ? 1 : 0)
  );
}
