import { nameKey, type NodeKind } from '@lineage/domain';

/**
 * A person's answer to a proposed match (`lineage review`): this name, from this owner, is
 * (accept) or is not (reject) that node. Every later import honours it.
 */
export interface ReviewDecision {
  /** The name as a source writes it. */
  name: string;
  /** The owner the source states with it, or empty when it states none. */
  owner: string;
  id: string;
  kind: NodeKind;
  verdict: 'accept' | 'reject';
  by: string;
  at: string;
  note?: string;
}

/** The key a decision is found by: the name and the owner, normalised as names are matched. */
export function decisionKey(name: string, owner: string): string {
  return `${nameKey(name)}|${nameKey(owner)}`;
}

export class ReviewDecisions {
  private readonly byKey = new Map<string, ReviewDecision>();

  constructor(decisions: readonly ReviewDecision[]) {
    for (const decision of decisions)
      this.byKey.set(decisionKey(decision.name, decision.owner), decision);
  }

  /** The decision for a name under any of its owners, else for the bare name. */
  decisionFor(name: string, owners: readonly string[]): ReviewDecision | undefined {
    for (const owner of owners) {
      const decision = this.byKey.get(decisionKey(name, owner));
      if (decision) return decision;
    }
    return this.byKey.get(decisionKey(name, ''));
  }
}
