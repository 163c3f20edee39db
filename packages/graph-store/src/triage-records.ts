import { stopsPropagation, triageHoldsFrom } from '@lineage/domain';
import type { StoredRelationship } from './relationship-store';

/** A TRIAGED relationship as read back: it always has its state, who and when. */
export type Triage = StoredRelationship &
  Required<Pick<StoredRelationship, 'state' | 'triagedBy' | 'triagedAt'>>;

interface Mitigations {
  mitigators: string[];
  mitigatedSince: Record<string, string>;
}

/**
 * The mitigations with the triage that stops propagation folded in: a node so triaged is a
 * mitigator from the day its analysis holds (triageHoldsFrom), or from its MITIGATES's `since`
 * when that is earlier; either holding on every day makes it hold on every day.
 */
export function foldTriage(
  mitigations: Mitigations,
  triage: Triage[],
): Mitigations & { triage: Map<string, Triage> } {
  const mitigators = new Set(mitigations.mitigators);
  const mitigatedSince = { ...mitigations.mitigatedSince };
  for (const { from: node, state, triagedAt } of triage) {
    if (!stopsPropagation(state)) continue;
    const from = triageHoldsFrom(state, triagedAt);
    const mitigated = mitigators.has(node);
    const since = mitigatedSince[node];
    mitigators.add(node);
    if (from === undefined || (mitigated && since === undefined)) delete mitigatedSince[node];
    else mitigatedSince[node] = since !== undefined && since < from ? since : from;
  }
  return {
    mitigators: [...mitigators],
    mitigatedSince,
    triage: new Map(triage.map((t) => [t.from, t])),
  };
}
