/**
 * A person's analysis of whether a defect really affects one node it reaches, in the states
 * CycloneDX's vulnerability analysis and OpenVEX define (OpenVEX's `affected` is EXPLOITABLE;
 * `under_investigation` is IN_TRIAGE). Stored as a TRIAGED relationship from the node to the
 * defect, one per pair: a new analysis replaces the last, and each is audited as a Change.
 */
export const TRIAGE_STATES = [
  'IN_TRIAGE',
  'EXPLOITABLE',
  'NOT_AFFECTED',
  'RESOLVED',
  'FALSE_POSITIVE',
] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

/** Why a node is not affected: CycloneDX 1.6's impact analysis justifications. */
export const TRIAGE_JUSTIFICATIONS = [
  'CODE_NOT_PRESENT',
  'CODE_NOT_REACHABLE',
  'REQUIRES_CONFIGURATION',
  'REQUIRES_DEPENDENCY',
  'REQUIRES_ENVIRONMENT',
  'PROTECTED_BY_COMPILER',
  'PROTECTED_AT_RUNTIME',
  'PROTECTED_AT_PERIMETER',
  'PROTECTED_BY_MITIGATING_CONTROL',
] as const;
export type TriageJustification = (typeof TRIAGE_JUSTIFICATIONS)[number];

/**
 * States that say the defect does not act through the node: like a mitigation, the node is
 * reported with the level it would have had and passes nothing on. A node RESOLVED was
 * affected and fixed: what was derived from it before the fix may still carry the defect, so
 * it does not stop propagation (a mitigation with its `since` says when a fix holds).
 */
export function stopsPropagation(state: TriageState): boolean {
  return state === 'NOT_AFFECTED' || state === 'FALSE_POSITIVE';
}

/**
 * The first day a stopping analysis holds, for impact stated as of a date: a node found NOT
 * affected holds so from the day of the analysis (its justification may be a control put in
 * place that day), a FALSE_POSITIVE never was affected, so it holds on every day (undefined).
 */
export function triageHoldsFrom(state: TriageState, triagedAt: string): string | undefined {
  return state === 'FALSE_POSITIVE' ? undefined : triagedAt.slice(0, 10);
}

/** What is wrong with a state and justification together, or undefined when they fit. */
export function triageProblem(
  state: TriageState,
  justification: TriageJustification | undefined,
): { field: 'justification'; message: string } | undefined {
  if (state === 'NOT_AFFECTED' && !justification) {
    return {
      field: 'justification',
      message: `NOT_AFFECTED needs a justification, one of ${TRIAGE_JUSTIFICATIONS.join(', ')}`,
    };
  }
  if (state !== 'NOT_AFFECTED' && justification) {
    return {
      field: 'justification',
      message: `only NOT_AFFECTED takes a justification, not ${state}`,
    };
  }
  return undefined;
}
