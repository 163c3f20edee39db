import type { ImportPlan, MatchRecord } from '@lineage/importers';

/** A name an import could not tie to one node: what a reviewer accepts or rejects. */
export interface Proposal {
  name: string;
  /** The owner to decide under (the first the source states), empty when it states none. */
  owner: string;
  /** Every owner the source states with the name. */
  owners: string[];
  outcome: 'unresolved' | 'ambiguous';
  reason: string;
  /** Stored nodes the name may mean: the ids a reviewer chooses among. */
  candidates: string[];
  /** Every record that names it ("assets/lmsys.yaml:12", "AVID-2024-R0113"). */
  at: string[];
  role: string;
}

/** What `lineage import --plan` writes: the reconciliation decisions, nothing imported. */
export interface PlanFile {
  format: string;
  files: string[];
  /** The graph version the plan was reconciled against. */
  graphVersion: number;
  plannedAt: string;
  counts: {
    records: number;
    nodes: number;
    relationships: number;
    linked: number;
    matched: number;
    unresolved: number;
    ambiguous: number;
  };
  notes: ImportPlan['notes'];
  matches: MatchRecord[];
  proposals: Proposal[];
}

/**
 * The plan as a reviewer reads it. A name under the same owners is one proposal however many
 * records carry it, since one decision answers them all.
 */
export function planFile(
  plan: ImportPlan,
  files: string[],
  graphVersion: number,
  plannedAt = new Date().toISOString(),
): PlanFile {
  const proposals = new Map<string, Proposal>();
  const outcomes = { matched: 0, unresolved: 0, ambiguous: 0 };
  for (const record of plan.matches) {
    const { resolution } = record;
    outcomes[resolution.outcome] += 1;
    if (resolution.outcome === 'matched') continue;
    const key = JSON.stringify([record.name, record.owners, resolution.outcome]);
    const known = proposals.get(key);
    if (known) {
      known.at.push(record.at);
      continue;
    }
    proposals.set(key, {
      name: record.name,
      owner: record.owners[0] ?? '',
      owners: record.owners,
      outcome: resolution.outcome,
      reason: resolution.reason,
      candidates: resolution.candidates,
      at: [record.at],
      role: record.role,
    });
  }
  return {
    format: plan.format,
    files,
    graphVersion,
    plannedAt,
    counts: {
      records: plan.records,
      nodes: plan.batch.nodes.length,
      relationships: plan.batch.relationships.length,
      linked: plan.linked,
      ...outcomes,
    },
    notes: plan.notes,
    matches: plan.matches,
    proposals: [...proposals.values()],
  };
}
