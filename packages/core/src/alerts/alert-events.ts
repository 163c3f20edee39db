import type { StoredWebhook, TriageChange } from '@lineage/graph-store';
import type { WatchedExposure } from '../watch/watch-service';

/** Something to tell a webhook about: its key says when two finders found the same thing. */
export interface AlertEvent {
  event: 'exposure.opened' | 'triage.changed';
  key: string;
  deploymentId: string;
  defectId: string;
}

export interface ExposureOpened extends AlertEvent {
  event: 'exposure.opened';
  exposure: WatchedExposure;
}

export interface TriageChanged extends AlertEvent {
  event: 'triage.changed';
  change: TriageChange;
}

export const exposureKey = (exposure: WatchedExposure) =>
  `${exposure.watch.deploymentId}|${exposure.exposure.defectId}`;

/**
 * The exposures open now that were not open at the webhook's last look. A product watched
 * since then brings its exposures in silently: watching a product is not news about it. The
 * key carries the exposure window's start, so one that closes and opens again is told again.
 */
export function openedExposures(
  webhook: Pick<StoredWebhook, 'exposures' | 'watched'>,
  open: WatchedExposure[],
): ExposureOpened[] {
  const seen = new Set(webhook.exposures);
  const watchedBefore = new Set(webhook.watched);
  return open
    .filter((found) => watchedBefore.has(found.watch.deploymentId) && !seen.has(exposureKey(found)))
    .map((found) => ({
      event: 'exposure.opened',
      key: `exposure.opened|${exposureKey(found)}|${found.exposure.since ?? 'start'}`,
      deploymentId: found.watch.deploymentId,
      defectId: found.exposure.defectId,
      exposure: found,
    }));
}

/** Each triage recorded or cleared on a watched product (its Change touched both ids). */
export function triageEvents(changes: TriageChange[], watched: Set<string>): TriageChanged[] {
  return changes.flatMap((change) => {
    const deploymentId = change.touched.find((id) => watched.has(id));
    const defectId = change.touched.find((id) => id.startsWith('defect:'));
    if (!deploymentId || !defectId) return [];
    return [
      {
        event: 'triage.changed' as const,
        key: `triage.changed|${deploymentId}|${defectId}|${change.version}`,
        deploymentId,
        defectId,
        change,
      },
    ];
  });
}
