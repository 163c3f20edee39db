import type { MatchMethod } from '@lineage/domain';

/**
 * The provenance an import writes on each record it creates: imported (so a bare name never
 * joins it later), and the record of the source it was read from ("avid AVID-2024-R0113",
 * "ecosystem-graphs assets/meta.yaml:120", "hf-tree edges.csv:42").
 */
export function importedFrom(
  format: string,
  at: string,
): { origin: 'import'; recordedFrom: string } {
  return { origin: 'import', recordedFrom: `${format} ${at}`.slice(0, 500) };
}

/** A relationship's provenance: its record, and how its ends were matched (the weakest). */
export function importedLink(
  format: string,
  at: string,
  matchedBy: MatchMethod,
): { origin: 'import'; recordedFrom: string; matchedBy: MatchMethod } {
  return { ...importedFrom(format, at), matchedBy };
}
