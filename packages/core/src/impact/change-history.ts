import { kindOfNode, validationError, type ExposureLevel, type ImpactView } from '@lineage/domain';
import type { GraphStore, StoredRelationship } from '@lineage/graph-store';
import { resolveAsOf } from '../time/as-of';
import { defectOnDay } from './defect-on-day';
import type { ImpactService } from './impact-service';

/** More changed relationships than this in one question: the period is too wide to diff. */
const MAX_CHANGES = 10_000;

export interface LineageChange {
  relationship: StoredRelationship;
  change: 'BEGAN' | 'ENDED';
  /** The day it began or ended. */
  on: string;
}

export interface ExposureChange {
  defectId: string;
  deploymentId: string;
  change: 'OPENED' | 'CLOSED';
  /** The level on the day the deployment was reached. */
  level: ExposureLevel;
}

export interface Changes {
  from: string;
  to: string;
  relationships: LineageChange[];
  exposures: ExposureChange[];
}

/**
 * What changed between two days: the lineage relationships that began or ended in (from, to],
 * and the exposures of deployments that differ between the lineage on `from` and on `to`. Only
 * defects that could route through a change are computed: those with an origin upstream of a
 * changed relationship's parent or of a node released or retired in the period.
 */
export async function changesBetween(
  store: GraphStore,
  impact: ImpactService,
  fromDate: string,
  toDate: string,
): Promise<Changes> {
  const from = resolveAsOf(fromDate);
  const to = resolveAsOf(toDate);
  if (to.day <= from.day) {
    throw validationError(`to (${to.date}) must be after from (${from.date})`);
  }
  const changed = await store.lineageChangesBetween(from.date, to.date, MAX_CHANGES + 1);
  const datedNodes = await store.lineageNodesDatedBetween(from.date, to.date, MAX_CHANGES + 1);
  if (changed.length > MAX_CHANGES || datedNodes.length > MAX_CHANGES) {
    throw validationError(
      `more than ${MAX_CHANGES} lineage changes between ${from.date} and ${to.date}: ask for a shorter period`,
    );
  }
  const relationships = changed.flatMap((relationship) =>
    changesOf(relationship, from.date, to.date),
  );
  relationships.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

  const touched = [...new Set([...changed.map((r) => r.to), ...datedNodes])];
  const exposures: ExposureChange[] = [];
  if (touched.length) {
    const upstream = await store.fetchClosure(touched, 'UPSTREAM');
    const candidates = await store.defectsWithOriginsIn(upstream.nodes.map((node) => node.id));
    for (const { defect } of candidates) {
      const context = await store.defectContext(defect.id);
      if (!context) continue; // removed since: nothing to compare
      const before = deploymentLevels(await impact.run(defectOnDay(context, from.day), from));
      const after = deploymentLevels(await impact.run(defectOnDay(context, to.day), to));
      for (const [deploymentId, level] of after) {
        if (!before.has(deploymentId))
          exposures.push({ defectId: defect.id, deploymentId, change: 'OPENED', level });
      }
      for (const [deploymentId, level] of before) {
        if (!after.has(deploymentId))
          exposures.push({ defectId: defect.id, deploymentId, change: 'CLOSED', level });
      }
    }
  }
  exposures.sort(
    (a, b) =>
      (a.defectId < b.defectId ? -1 : a.defectId > b.defectId ? 1 : 0) ||
      (a.deploymentId < b.deploymentId ? -1 : 1),
  );
  return { from: from.date, to: to.date, relationships, exposures };
}

function changesOf(relationship: StoredRelationship, from: string, to: string): LineageChange[] {
  const within = (day?: string) => day !== undefined && day > from && day <= to;
  const changes: LineageChange[] = [];
  if (within(relationship.validFrom))
    changes.push({ relationship, change: 'BEGAN', on: relationship.validFrom! });
  if (within(relationship.validTo))
    changes.push({ relationship, change: 'ENDED', on: relationship.validTo! });
  return changes;
}

/** The exposed (not mitigated) deployments of an impact, with their levels. */
function deploymentLevels(view: ImpactView): Map<string, ExposureLevel> {
  const { impact } = view;
  const levels = new Map<string, ExposureLevel>();
  for (const node of impact.exposed) {
    if (kindOfNode(impact.graph, node) === 'Deployment') {
      levels.set(impact.graph.ids[node]!, impact.levelOf(node));
    }
  }
  return levels;
}
