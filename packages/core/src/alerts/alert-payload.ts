import type { Entity } from '@lineage/domain';
import type { StoredRelationship } from '@lineage/graph-store';
import type { ExposureOpened, TriageChanged } from './alert-events';

/** What a receiver gets: the event, the product and defect, and what changed. */
export function exposurePayload(
  found: ExposureOpened,
  context: { deliveryId: string; graphVersion: number; deployment?: Entity },
) {
  const { watch, defect, exposure } = found.exposure;
  return {
    id: context.deliveryId,
    event: found.event,
    graphVersion: context.graphVersion,
    deployment: {
      id: watch.deploymentId,
      name: context.deployment?.name ?? null,
      owner: watch.owner,
      tags: watch.tags,
    },
    defect: {
      id: defect.id,
      name: defect.name,
      category: defect.category,
      severity: defect.severity,
      sources: defect.sources,
    },
    exposure: {
      level: exposure.row.level,
      distance: exposure.row.distance,
      path: exposure.row.path,
      since: exposure.since ?? null,
      triage: exposure.triage ? { state: exposure.triage.state } : null,
    },
  };
}

export function triagePayload(
  found: TriageChanged,
  context: { deliveryId: string; graphVersion: number; triage: StoredRelationship | null },
) {
  const triage = context.triage;
  return {
    id: context.deliveryId,
    event: found.event,
    graphVersion: found.change.version,
    deployment: { id: found.deploymentId },
    defect: { id: found.defectId },
    // Null when the change cleared the triage, or a later write replaced it with nothing.
    triage: triage
      ? {
          state: triage.state ?? null,
          justification: triage.justification ?? null,
          note: triage.note ?? null,
          by: triage.triagedBy ?? null,
          at: triage.triagedAt ?? null,
        }
      : null,
    change: {
      version: found.change.version,
      action: found.change.action,
      summary: found.change.summary,
      by: found.change.by,
      at: found.change.at,
    },
  };
}
