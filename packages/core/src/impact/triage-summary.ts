import { TRIAGE_STATES, type ImpactView, type TriageState } from '@lineage/domain';
import type { Triage } from '@lineage/graph-store';

/** How far the triage of the deployments a defect reaches has come. */
export interface TriageSummary {
  /** Deployments exposed (not shown unaffected): what is left to handle. */
  exposedDeployments: number;
  /** Of those, the ones with no triage yet. */
  untriaged: number;
  /** Reached deployments by triage state, exposed or stopped by it (every state listed). */
  byState: { state: TriageState; count: number }[];
}

/**
 * Counted from the triage records (few) against the impact, not over every exposed node: a
 * record counts when the defect reaches its node and the node is a deployment.
 */
export function triageSummary(view: ImpactView, triage: Map<string, Triage>): TriageSummary {
  const exposedDeployments = view.totals().deployments;
  const counts = new Map<TriageState, number>(TRIAGE_STATES.map((state) => [state, 0]));
  let triagedExposed = 0;
  for (const [id, record] of triage) {
    const reached = view.reached(id);
    if (reached?.kind !== 'Deployment') continue;
    counts.set(record.state, counts.get(record.state)! + 1);
    if (!reached.mitigated) triagedExposed++;
  }
  return {
    exposedDeployments,
    untriaged: exposedDeployments - triagedExposed,
    byState: TRIAGE_STATES.map((state) => ({ state, count: counts.get(state)! })),
  };
}
