import { z } from 'zod';

/**
 * Who put a record in the graph. Curated records (the seed, a person's write through the API
 * or CLI, a reviewed match) are the only ones a bare name may join: an imported upload never
 * stands for a name on its own.
 */
export const ORIGINS = ['seed', 'api', 'import', 'review'] as const;
export type Origin = (typeof ORIGINS)[number];

export function isCurated(origin: Origin | undefined): boolean {
  return origin !== undefined && origin !== 'import';
}

/**
 * How an import tied a name in its source to a stored node, strongest first:
 * - `exact`: the source gives the node's id (a Hugging Face repo id, a purl);
 * - `alias`: the name (or an alias) of a curated node;
 * - `owner-name`: the name under an owner the source states (organisation, vendor prefix,
 *   supplier), confirmed by the node's hub owner or developer;
 * - `inferred`: read from evidence the source does not state as a link (a `-GGUF` suffix, a
 *   re-upload of a vendor's weights); such relationships are `declared: false`;
 * - `reviewed`: a person accepted the match (`lineage review`).
 */
export const MATCH_METHODS = ['exact', 'alias', 'owner-name', 'inferred', 'reviewed'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

/**
 * The weaker of two match methods: a relationship is only as sure as its weakest end. A
 * reviewed end is as sure as an exact one, but ranks just below it so that an import's edge
 * from its own record (exact) to a name a person accepted says `reviewed`, not `exact`.
 */
export function weakerMatch(a: MatchMethod, b: MatchMethod): MatchMethod {
  const rank = (m: MatchMethod) => (m === 'reviewed' ? 0.5 : MATCH_METHODS.indexOf(m));
  return rank(a) >= rank(b) ? a : b;
}

/**
 * Where a record came from, on every node and relationship: who wrote it, the record of the
 * source ("ecosystem-graphs assets/meta.yaml:120", "seed models.yaml:42", a report URL), and on
 * relationships how its ends were matched.
 */
export const provenanceFields = {
  origin: z.enum(ORIGINS).optional(),
  recordedFrom: z.string().trim().min(1).max(500).optional(),
};
export const matchedByField = { matchedBy: z.enum(MATCH_METHODS).optional() };
