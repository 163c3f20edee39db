import type { PlanFile, Proposal, StoredReviewDecision } from '@lineage/core';
import { printJson, printRows, type FormatOptions } from '../output';

/** What `import --plan` tells on stdout; the file holds everything. */
export function printPlanSummary(plan: PlanFile, file: string, json?: boolean): void {
  const { counts } = plan;
  if (json) return printJson({ plan: file, format: plan.format, ...counts });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `${plan.format}: ${counts.records} records read; nothing written (plan at graph version ${plan.graphVersion})`,
  );
  out(
    `would write   ${counts.nodes} nodes, ${counts.relationships} relationships (${counts.linked} stored records linked)`,
  );
  out(
    `names         ${counts.matched} matched, ${counts.unresolved} unresolved, ${counts.ambiguous} ambiguous`,
  );
  out(`to review     ${plan.proposals.length} proposal(s): lineage review list --plan ${file}`);
  out(`plan written  ${file}`);
}

export function printProposals(proposals: Proposal[], options: FormatOptions): void {
  printRows(
    proposals,
    [
      { header: 'name', value: (p) => p.name },
      { header: 'owner', value: (p) => p.owner },
      { header: 'outcome', value: (p) => p.outcome },
      { header: 'candidates', value: (p) => p.candidates.join(' ') },
      { header: 'records', value: (p) => p.at.length },
      { header: 'first record', value: (p) => p.at[0] ?? '' },
    ],
    options,
  );
}

export function printDecisions(decisions: StoredReviewDecision[], options: FormatOptions): void {
  printRows(
    decisions,
    [
      { header: 'name', value: (d) => d.name },
      { header: 'owner', value: (d) => d.owner },
      { header: 'verdict', value: (d) => d.verdict },
      { header: 'id', value: (d) => d.id },
      { header: 'by', value: (d) => d.by },
      { header: 'at', value: (d) => d.at },
      { header: 'note', value: (d) => d.note ?? '' },
    ],
    options,
  );
}
