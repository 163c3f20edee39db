import type { ObligationLine } from '../../lib/licence-words';

/** Obligations in a compact list: the obligation, then what it asks. */
export function ObligationList({ lines, label }: { lines: ObligationLine[]; label: string }) {
  if (!lines.length) return <p className="muted small">No obligations recorded.</p>;
  return (
    <ul className="obligations" aria-label={label}>
      {lines.map((line) => (
        <li key={line.name} data-obligation={line.name}>
          <strong>{line.term}</strong>
          {line.detail ? `: ${line.detail}` : null}
        </li>
      ))}
    </ul>
  );
}
