import { PackageURL } from 'packageurl-js';
import type { Resolution } from '../matching/name-resolver';
import { snapshotOfVersion } from '../matching/snapshots';
import type { ImportNotes, StoredSnapshot } from '../plan';
import type { BomComponent } from './bom-document';

/** The version a component names: its `version`, else its purl's `@version`. */
export function componentVersion(component: BomComponent): string | undefined {
  if (component.version?.trim()) return component.version.trim();
  try {
    return component.purl
      ? (PackageURL.fromString(component.purl).version ?? undefined)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A stored model matched by a component that names a version stands for that version: the
 * family's stored snapshot of it when there is one (`gpt-4o` version `2024-08-06` is
 * `gpt-4o-2024-08-06`), linked as the family was matched; else undefined, the family linked,
 * the version kept in the match record and a remark. A snapshot is never invented.
 */
export function onSnapshot(
  family: Resolution | undefined,
  version: string | undefined,
  snapshots: Map<string, StoredSnapshot[]>,
  at: string,
  notes: ImportNotes,
): StoredSnapshot | undefined {
  if (!version || family?.outcome !== 'matched') return undefined;
  const snapshot = snapshotOfVersion(family.id, snapshots.get(family.id) ?? [], version);
  if (!snapshot)
    notes.remarks.push(
      `${at}: names version '${version}' of ${family.id}; no snapshot of it is stored, so it is linked to ${family.id}`,
    );
  return snapshot;
}
