import { PROBLEM_KINDS, type ProblemKind } from '../../lib/licence-words';

/** "Drops" or "Conflicts": a squared tag with a bar, read apart from kinds, levels and severities. */
export function ProblemKindBadge({ kind }: { kind: string }) {
  const known = PROBLEM_KINDS[kind as ProblemKind];
  return (
    <span
      className={`badge problem-badge problem-${kind.toLowerCase()}`}
      data-problem-kind={kind}
      title={known ? `${known.label}: ${known.means}.` : undefined}
    >
      {known?.label ?? kind}
    </span>
  );
}
