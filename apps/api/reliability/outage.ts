import { failed, type Sample } from './load';

export interface OutageAnalysis {
  /** Failed answers (not a 200, or errors in a 200) that came before Neo4j was stopped (there should be none). */
  failuresBeforeOutage: Sample[];
  /** Failed answers that were not a 503 DATABASE_UNAVAILABLE with a message. */
  otherFailures: Sample[];
  unavailable: number;
  /** 503s answered before Neo4j was back: the API answered while it was down, not after. */
  answeredWhileDown: number;
  /** When the last failed request ended: from then on every request succeeded. */
  recoveredAt: number | undefined;
  /** From Neo4j answering again to the API's last failure (0 when none came after). */
  recoveryMs: number;
  /** Requests that succeeded after the recovery, and writes among them. */
  succeededAfter: number;
  writesAfter: number;
}

/** Reads a load run's timeline around an outage of Neo4j from `downAt` to `upAt`. */
export function analyseOutage(samples: Sample[], downAt: number, upAt: number): OutageAnalysis {
  const failures = samples.filter(failed);
  const recoveredAt = failures.length ? Math.max(...failures.map((s) => s.endedAt)) : undefined;
  const after = samples.filter((s) => recoveredAt !== undefined && s.startedAt > recoveredAt);
  return {
    failuresBeforeOutage: failures.filter((s) => s.endedAt < downAt),
    otherFailures: failures.filter(
      (s) => s.status !== 503 || s.code !== 'DATABASE_UNAVAILABLE' || !s.message,
    ),
    unavailable: failures.filter((s) => s.status === 503).length,
    answeredWhileDown: failures.filter((s) => s.status === 503 && s.endedAt < upAt).length,
    recoveredAt,
    recoveryMs: recoveredAt === undefined ? 0 : Math.max(0, recoveredAt - upAt),
    succeededAfter: after.filter((s) => !failed(s)).length,
    writesAfter: after.filter((s) => !failed(s) && s.write).length,
  };
}
