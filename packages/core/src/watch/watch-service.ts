import {
  describeIssues,
  levelRank,
  severityRank,
  validationError,
  watchInputSchema,
  type Entity,
  type WatchInputDraft,
} from '@lineage/domain';
import type { GraphStore, StoredWatch } from '@lineage/graph-store';
import { exposureOfNode, type ExposureRow } from '../impact/exposure';
import { resolveAsOf, type AsOf, type TimeOptions } from '../time/as-of';
import type { Author } from '../writes/write-service';

/** At most this many watched products are read for one dashboard. */
export const MAX_WATCHES = 500;

export interface WatchFilter {
  owner?: string;
  tag?: string;
}

/** One defect reaching one watched product, still open. */
export interface WatchedExposure {
  watch: StoredWatch;
  defect: Extract<Entity, { kind: 'Defect' }>;
  exposure: ExposureRow;
}

/**
 * Whether an exposure is still to handle: the defect is OPEN (not fixed, disputed or withdrawn),
 * it reaches the product (no mitigation or stopping triage on the way, or at the product), and
 * no one has triaged it RESOLVED there.
 */
function isOpen(defect: WatchedExposure['defect'], exposure: ExposureRow): boolean {
  return (
    defect.status === 'OPEN' && !exposure.row.mitigated && exposure.triage?.state !== 'RESOLVED'
  );
}

/**
 * Most severe first, then the newest (the exposure's window began latest; one open at its start
 * is the oldest), then the strongest level; product then defect id break ties.
 */
function dashboardOrder(a: WatchedExposure, b: WatchedExposure): number {
  return (
    severityRank(b.defect.severity) - severityRank(a.defect.severity) ||
    (b.exposure.since ?? '').localeCompare(a.exposure.since ?? '') ||
    levelRank(b.exposure.row.level) - levelRank(a.exposure.row.level) ||
    a.watch.deploymentId.localeCompare(b.watch.deploymentId) ||
    a.exposure.defectId.localeCompare(b.exposure.defectId)
  );
}

/** Products we own and what reaches them: the watches, and the dashboard of open exposures. */
export class WatchService {
  constructor(private readonly store: GraphStore) {}

  async watch(input: WatchInputDraft, author: Author) {
    const parsed = watchInputSchema.safeParse(input);
    if (!parsed.success) {
      throw validationError('the watch is not valid', describeIssues(parsed.error));
    }
    const watch = { ...parsed.data, tags: [...new Set(parsed.data.tags)] };
    return this.store.recordWatch(watch, {
      ...author,
      summary: `watch ${watch.deploymentId} for ${watch.owner}`,
    });
  }

  unwatch(deploymentId: string, author: Author) {
    return this.store.removeWatch(deploymentId, {
      ...author,
      summary: `stopped watching ${deploymentId}`,
    });
  }

  list(filter: WatchFilter = {}) {
    return this.store.listWatches({ ...filter, limit: MAX_WATCHES });
  }

  /** Every open exposure of the watched products on the day asked (today by default). */
  async openExposures(
    filter: WatchFilter & TimeOptions = {},
  ): Promise<{ asOf: AsOf; exposures: WatchedExposure[]; watches: StoredWatch[] }> {
    const asOf = resolveAsOf(filter.asOf);
    const watches = await this.list(filter);
    const found: { watch: StoredWatch; exposure: ExposureRow }[] = [];
    for (const watch of watches) {
      const rows = await exposureOfNode(this.store, watch.deploymentId, asOf, {
        disclosedOnly: filter.disclosedOnly,
      });
      for (const exposure of rows) found.push({ watch, exposure });
    }
    const defects = await this.store.getEntities([
      ...new Set(found.map(({ exposure }) => exposure.defectId)),
    ]);
    const exposures = found
      .map(({ watch, exposure }) => ({
        watch,
        exposure,
        defect: defects.get(exposure.defectId) as WatchedExposure['defect'],
      }))
      .filter(({ defect, exposure }) => defect !== undefined && isOpen(defect, exposure))
      .sort(dashboardOrder);
    return { asOf, exposures, watches };
  }
}
