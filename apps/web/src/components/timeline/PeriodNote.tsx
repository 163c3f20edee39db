import { periodWords, type Dated } from '../../lib/timeline';

/** A dated relationship's period beside it, in words; nothing for an undated one. */
export function PeriodNote({ period }: { period: Dated }) {
  if (!period.validFrom && !period.validTo) return null;
  return <span className="muted small period-note">({periodWords(period)})</span>;
}
