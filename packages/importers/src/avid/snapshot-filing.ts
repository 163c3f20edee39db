import { weakerMatch, type MatchMethod } from '@lineage/domain';
import { isoDate } from '../ids';
import type { NameResolver } from '../matching/name-resolver';
import { snapshotOnDay } from '../matching/snapshots';
import type { NodeLookup, StoredSnapshot } from '../plan';
import type { AvidReport } from './read-avid';

/** A node a report is filed on, how its name was matched, and the source record to cite. */
export interface Filing {
  method: MatchMethod;
  recordedAt: string;
}

/** The stored snapshots, with their POINTS_TO periods, of every family the reports may name. */
export async function snapshotsOfFamilies(
  lookup: NodeLookup,
  familyIds: string[],
): Promise<Map<string, StoredSnapshot[]>> {
  return familyIds.length && lookup.snapshotsOf
    ? lookup.snapshotsOf([...new Set(familyIds)])
    : new Map();
}

/**
 * Defects are filed on the snapshot they were measured on. A report that names a family
 * ("OpenAI GPT-4o") measured what the family's name served on the day it was made: its
 * `reported_date` (the run's own day is not stated; the report follows it closely). Where the
 * store holds the family's POINTS_TO periods and exactly one holds that day, the defect is
 * filed on that snapshot, matched as the family was, and the relationship's record and the
 * match record say so (not the import's remarks, which list the reports not filed); otherwise (no date, no period that day, no snapshots) on the
 * family, as the name says.
 */
export function fileOnSnapshots(
  report: AvidReport,
  origins: Map<string, MatchMethod>,
  snapshots: Map<string, StoredSnapshot[]>,
  resolver: NameResolver,
): Map<string, Filing> {
  const reportId = report.metadata.report_id;
  const day = isoDate(report.reported_date);
  const filed = new Map<string, Filing>();
  for (const [family, method] of origins) {
    const snapshot = day ? snapshotOnDay(snapshots.get(family) ?? [], day) : undefined;
    if (!snapshot) {
      const before = filed.get(family);
      filed.set(
        family,
        before
          ? { ...before, method: weakerMatch(before.method, method) }
          : { method, recordedAt: reportId },
      );
      continue;
    }
    const records = resolver.records.filter(
      (r) =>
        r.at === reportId &&
        r.role === 'artifact' &&
        r.resolution.outcome === 'matched' &&
        r.resolution.id === family,
    );
    const names = records.map((r) => `'${r.name}'`).join(', ');
    const how = `filed on ${snapshot.id}, the snapshot ${names} (${family}) pointed to on ${day}`;
    for (const record of records) record.snapshot = snapshot.id;
    // A report that also names the snapshot itself is filed there once, as the weaker match.
    const before = filed.get(snapshot.id);
    filed.set(snapshot.id, {
      method: before ? weakerMatch(before.method, method) : method,
      recordedAt: `${reportId}: ${how}`,
    });
  }
  return filed;
}
