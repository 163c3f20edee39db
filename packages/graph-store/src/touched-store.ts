import type { ChangeFeed } from './change-feed';

/** Past this many versions a reader starts afresh rather than read what each one touched. */
const MAX_VERSIONS = 1_000;

/**
 * Every id the writes of versions (since, until] touched (see write-store's changeRecord), or
 * undefined when that cannot be known: a version without its Change, or a write that did not
 * (or could not, being too large) name what it touched.
 */
export async function touchedBetween(
  changes: ChangeFeed,
  since: number,
  until: number,
): Promise<Set<string> | undefined> {
  if (until <= since) return new Set();
  if (until - since > MAX_VERSIONS) return undefined;
  const rows = await changes.between(since, until);
  if (rows.length !== until - since) return undefined;
  const touched = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (row.version !== since + 1 + i || !row.touched) return undefined;
    for (const id of row.touched) touched.add(id);
  }
  return touched;
}
