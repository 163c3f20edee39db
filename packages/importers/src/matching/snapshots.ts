import { idSlug } from '@lineage/domain';
import type { StoredSnapshot } from '../plan';

/** A name or version compared with its separators made alike: `GPT-4o 2024-08-06` is `gpt-4o-2024-08-06`. */
const dashed = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/**
 * The stored snapshot of a family that a version names: one whose `version`, or whose id, is
 * the version as written (`gpt-4o-2024-08-06`) or the family's name with the version after it
 * (`gpt-4o` + `2024-08-06`). Separators count, so version `1` of `gpt-4` is never `gpt-4.1`.
 * Undefined when none or several are: the family stays, a snapshot is never guessed.
 */
export function snapshotOfVersion(
  familyId: string,
  snapshots: readonly StoredSnapshot[],
  version: string,
): StoredSnapshot | undefined {
  const wanted = new Set([dashed(version), dashed(`${idSlug(familyId)}-${version}`)]);
  const found = snapshots.filter((s) =>
    [s.version, idSlug(s.id)].some((name) => name !== undefined && wanted.has(dashed(name))),
  );
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The snapshot a family's name pointed to on a day (`YYYY-MM-DD`): the one whose POINTS_TO
 * period `[validFrom, validTo)` holds it. Undefined when no period, or several, hold it.
 */
export function snapshotOnDay(
  snapshots: readonly StoredSnapshot[],
  day: string,
): StoredSnapshot | undefined {
  const found = snapshots.filter((s) =>
    s.pointedTo.some(
      ({ validFrom, validTo }) => (!validFrom || validFrom <= day) && (!validTo || day < validTo),
    ),
  );
  return found.length === 1 ? found[0] : undefined;
}
