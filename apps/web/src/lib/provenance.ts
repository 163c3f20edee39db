/**
 * Provenance in words: who put a record in the graph, from which record of which source, and
 * how an import tied a source's names to nodes. An analyst acts on "exposed through this path"
 * only when each hop says whether a source states it or the importer inferred it.
 */

export interface ProvenanceFields {
  origin?: string | null;
  record?: string | null;
  matchedBy?: string | null;
}

export interface RelationFacts {
  type: string;
  declared: boolean;
  provenance?: ProvenanceFields | null;
}

const ORIGIN_WORDS: Record<string, string> = {
  SEED: 'Curated seed',
  API: 'Written by a person',
  IMPORT: 'Imported',
  REVIEW: 'Reviewed match',
};

/** Who put a record in the graph, in words; records older than provenance say so. */
export function originWords(origin: string | null | undefined): string {
  if (!origin) return 'Not recorded (written before provenance was kept)';
  return ORIGIN_WORDS[origin] ?? origin.toLowerCase();
}

const MATCH_WORDS: Record<string, { label: string; detail: string }> = {
  EXACT: { label: 'exact id', detail: 'the source gives the id itself' },
  ALIAS: { label: 'matched by alias', detail: 'a name in the source is a declared alias' },
  OWNER_NAME: {
    label: 'matched by owner and name',
    detail: 'the source names the owner and the model, and both agree',
  },
  INFERRED: { label: 'inferred', detail: 'read from names or a model card, not stated' },
  REVIEWED: { label: 'reviewed', detail: 'a person accepted this match' },
};

export type BadgeTone = 'stated' | 'matched' | 'reviewed' | 'inferred';

export interface RelationBadgeText {
  /** Short visible text: never colour alone. */
  label: string;
  /** The full account, for a tooltip. */
  title: string;
  tone: BadgeTone;
}

/**
 * The badge of one relationship: inferred first (it caps what passes at LIKELY), then how its
 * ends were matched; a relationship a source states with exact ids reads "stated".
 */
export function relationBadge(relation: RelationFacts): RelationBadgeText {
  const provenance = relation.provenance ?? undefined;
  const match = provenance?.matchedBy ? MATCH_WORDS[provenance.matchedBy] : undefined;
  const inferred = !relation.declared || provenance?.matchedBy === 'INFERRED';
  // An exact id adds nothing worth a word next to "inferred"; a name match does.
  const nameMatch = match && !['EXACT', 'INFERRED'].includes(provenance?.matchedBy ?? '');
  const label = inferred
    ? nameMatch
      ? `inferred, ${match.label}`
      : 'inferred'
    : match && provenance?.matchedBy !== 'EXACT'
      ? match.label
      : 'stated';
  const tone: BadgeTone = inferred
    ? 'inferred'
    : provenance?.matchedBy === 'REVIEWED'
      ? 'reviewed'
      : match && provenance?.matchedBy !== 'EXACT'
        ? 'matched'
        : 'stated';
  const parts = [
    inferred
      ? 'Inferred, not stated by a source: a defect passes it at most as LIKELY.'
      : 'Stated by its source.',
    match ? `Matched: ${match.label} (${match.detail}).` : 'How it was matched is not recorded.',
    `Origin: ${originWords(provenance?.origin)}.`,
  ];
  if (provenance?.record) parts.push(`Record: ${provenance.record}.`);
  return { label, title: parts.join(' '), tone };
}

/** Each relation as it reads along a path from a parent to what derives from or runs it. */
const DOWNSTREAM_WORDS: Record<string, string> = {
  AFFECTS: 'found in',
  FINE_TUNED_FROM: 'fine-tuned into',
  DISTILLED_FROM: 'distilled into',
  QUANTIZED_FROM: 'quantized as',
  MERGED_FROM: 'merged into',
  ADAPTER_OF: 'adapted by',
  REUPLOAD_OF: 're-uploaded as',
  POINTS_TO: 'served as',
  TRAINED_ON: 'trains',
  GENERATED_BY: 'generated',
  DEPLOYS: 'deployed in',
  BUILT_ON: 'under',
  DEPENDS_ON: 'used by',
};

export function downstreamWords(type: string): string {
  return DOWNSTREAM_WORDS[type] ?? type.toLowerCase().replaceAll('_', ' ');
}

export interface StoredRelation extends RelationFacts {
  /** The node the relationship leaves: the child, the deployment, the defect. */
  from: string;
  /** The node it points to: the parent, what is deployed, the defect's origin. */
  to: string;
}

export interface PathHop {
  /** The node the hop arrives at. */
  node: string;
  /** The relationships that carry the hop; empty when none was loaded. */
  relations: StoredRelation[];
}

/**
 * A witness path (origin first) as hops: each node after the first reached from the one before
 * it through the relationships pointing from it to its predecessor. `first`, when given, is the
 * hop into the origin (a defect's AFFECTS), so the path starts where the defect was filed.
 */
export function pathHops(
  path: string[],
  relations: StoredRelation[],
  first?: StoredRelation[],
): PathHop[] {
  const between = new Map<string, StoredRelation[]>();
  for (const relation of relations) {
    const key = `${relation.from}\u0000${relation.to}`;
    between.set(key, [...(between.get(key) ?? []), relation]);
  }
  return path.map((node, index) => {
    if (index === 0) return { node, relations: first ?? [] };
    const previous = path[index - 1]!;
    return { node, relations: between.get(`${node}\u0000${previous}`) ?? [] };
  });
}
