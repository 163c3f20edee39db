import { validationError } from '@lineage/domain';
import type { GraphStore, ReviewReport, StoredReviewDecision } from '@lineage/graph-store';
import {
  decisionKey,
  IMPORTERS,
  ReviewDecisions,
  type ImportFormat,
  type Importer,
} from '@lineage/importers';
import { planFile, type PlanFile, type Proposal } from './plan-file';
import { reviewInputError, reviewInputProblems, type ReviewInput } from './review-input';

/**
 * The review loop: an import planned without writing (`lineage import --plan`), people's
 * answers to the names it could not tie to one node, stored and audited, and honoured by every
 * later import (the importers' NameResolver reads them first).
 */
export class ReviewService {
  constructor(
    private readonly store: GraphStore,
    private readonly importers: Record<ImportFormat, Importer> = IMPORTERS,
  ) {}

  /** Accepts or rejects a match; replaces an earlier decision for the same name and owner. */
  async decide(input: ReviewInput, by: string): Promise<ReviewReport> {
    const problems = reviewInputProblems(input);
    if (problems.length) throw reviewInputError(problems);
    const name = input.name.trim();
    const owner = input.owner?.trim() ?? '';
    const note = input.note?.trim() || undefined;
    const id = input.id.trim();
    return this.store.recordReviewDecision(
      { key: decisionKey(name, owner), name, owner, id, verdict: input.verdict, note },
      {
        by,
        action: 'review',
        summary: `review: ${input.verdict} '${name}'${owner ? ` of '${owner}'` : ''} as ${id}`,
      },
    );
  }

  async remove(named: { name: string; owner?: string }, by: string) {
    const problems = reviewInputProblems({ ...named, id: 'unused', verdict: 'accept' });
    if (problems.length) throw reviewInputError(problems);
    const name = named.name.trim();
    const owner = named.owner?.trim() ?? '';
    return this.store.removeReviewDecision(
      decisionKey(name, owner),
      { name, owner },
      {
        by,
        action: 'review',
        summary: `review: removed the decision on '${name}'${owner ? ` of '${owner}'` : ''}`,
      },
    );
  }

  /** Stored decisions in key order; `after` is the key of the last one seen. */
  list(page: { first: number; after?: string }) {
    return this.store.listReviewDecisions(page);
  }

  /**
   * Reconciles files exactly as `import` would, against the stored graph, and writes nothing:
   * the plan a reviewer works from. Not under the write lock: it decides nothing stored.
   */
  async plan(
    format: ImportFormat,
    files: string[],
    onStep: (line: string) => void = () => {},
  ): Promise<PlanFile> {
    await this.store.migrate();
    onStep(`reading ${files.length} ${format} file(s)...`);
    const reconcile = await this.importers[format].prepare(files);
    const graphVersion = await this.store.graphVersion();
    onStep('reconciling with the stored graph (nothing is written)...');
    const plan = await reconcile(this.store.readLookup());
    if (!plan.records && format !== 'backup')
      throw validationError(`${files.join(', ')}: no ${format} records read; nothing planned`);
    return planFile(plan, files, graphVersion);
  }

  /** The proposals of a plan that no stored decision answers yet. */
  async undecided(plan: unknown, source: string): Promise<Proposal[]> {
    const proposals = proposalsOf(plan, source);
    const decisions = new ReviewDecisions(await this.store.reviewDecisions());
    return proposals.filter((p) => !decisions.decisionFor(p.name, p.owners));
  }

  /** Every stored decision (they are few: one per reviewed name). */
  all(): Promise<StoredReviewDecision[]> {
    return this.store.reviewDecisions();
  }
}

/** A plan file's proposals, or an error naming the file when it is not one. */
function proposalsOf(plan: unknown, source: string): Proposal[] {
  const proposals = (plan as { proposals?: unknown } | null)?.proposals;
  const valid =
    Array.isArray(proposals) &&
    proposals.every(
      (p: Partial<Proposal> | null) =>
        typeof p?.name === 'string' &&
        Array.isArray(p.owners) &&
        p.owners.every((owner) => typeof owner === 'string') &&
        Array.isArray(p.candidates),
    );
  if (!valid)
    throw validationError(
      `${source}: not a plan file (written by lineage import --plan): its proposals are missing or malformed`,
    );
  return proposals as Proposal[];
}
