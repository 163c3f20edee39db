import type { VexAnalysis } from './vex-input';

/** An analysis a document states, with where it states it (for errors). */
export interface Stated {
  analysis: VexAnalysis;
  where: string;
}

/** What a format's reader found: the analyses, and what keeps it from reading others. */
export interface StatedReading {
  stated: Stated[];
  problems: string[];
}

/** The fields that are there: a missing note reads back missing, not as `note: undefined`. */
export function definedOnly(analysis: VexAnalysis): VexAnalysis {
  return Object.fromEntries(
    Object.entries(analysis).filter(([, value]) => value !== undefined),
  ) as unknown as VexAnalysis;
}
