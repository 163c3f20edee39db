import { relationBadge, type RelationFacts } from '../../lib/provenance';

/**
 * How one relationship was matched and whether a source states it, as words (never colour
 * alone); the tooltip gives the origin and the source record.
 */
export function RelationBadge({ relation }: { relation: RelationFacts }) {
  const badge = relationBadge(relation);
  return (
    <span
      className={`badge match-badge match-${badge.tone}`}
      title={badge.title}
      data-testid="relation-badge"
    >
      {badge.label}
    </span>
  );
}
