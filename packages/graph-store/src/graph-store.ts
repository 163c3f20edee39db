import type { GraphBatch, KindGroup, NodeKind, RelationType } from '@lineage/domain';
import { ChangeFeed } from './change-feed';
import { Connection, type GraphStoreConfig } from './connection';
import { defectContext, defectsWithOriginsIn, operatorsOf } from './defect-store';
import { findByName, getEntities } from './entity-store';
import { exportNodes, exportRelationships } from './export-store';
import type { RelationshipKey, StoredEntity } from './entity-props';
import {
  blastRadius,
  fetchClosure,
  lineageView,
  shortestChain,
  type Direction,
  type LineageViewOptions,
} from './lineage-store';
import { listNodes, type ListFilter, type ListPage } from './list-store';
import { searchNodes } from './search-store';
import { LineageProjection } from './lineage-projection';
import { lineageChangesBetween, lineageNodesDatedBetween } from './time-filters';
import { lookupThrough, type OwnerQuery, type StoreLookup } from './lookup-store';
import {
  countAllNodes,
  countByKind,
  graphHash,
  graphVersion,
  recentChanges,
  schemaSummary,
  type HashScope,
} from './meta-store';
import { migrate } from './migrations';
import { toDomainError } from './neo4j-errors';
import { incomingPage, outgoingOf, storedRelationship } from './relationship-store';
import { bulkLoad, type BulkLoadOptions, type LoadItem } from './bulk-load';
import { recordOfflineLoad } from './offline-load';
import { recoverImports, type RecoveryOptions } from './import-lock';
import { removeNodes, removeRelationships } from './remove-store';
import { touchedBetween } from './touched-store';
import { runningTransactions } from './transactions-store';
import { writeStaged, type StagedWriteOptions } from './staged-import';
import {
  listReviewDecisions,
  recordReviewDecision,
  removeReviewDecision,
  type ReviewDecisionInput,
} from './review-store';
import { licencesOf, licenceTexts, nodesUnderLicences } from './licence-store';
import { listWatches, recordWatch, removeWatch, type WatchInput } from './watch-store';
import {
  advanceWebhook,
  listWebhooks,
  recordWebhook,
  removeWebhook,
  triageChangesBetween,
  webhookSecret,
  type WebhookInput,
} from './webhook-store';
import {
  claimDelivery,
  leaseDueDeliveries,
  listDeliveries,
  recordAttempt,
  type DeliveryAttempt,
  type NewDelivery,
} from './delivery-store';
import {
  writeBatch,
  writePlanned,
  type ChangeInfo,
  type Planned,
  type WriteProgress,
} from './write-store';

/** Lineage's access to Neo4j: the only door to the database for apps, CLI and importers. */
export class GraphStore {
  private lineageProjection: LineageProjection | undefined;
  /** One read of the Change records after a write, for the projection and `touchedBetween`. */
  private readonly changes: ChangeFeed;

  private constructor(private readonly connection: Connection) {
    this.changes = ChangeFeed.of(connection);
  }

  /** Opens a driver and checks that Neo4j answers; the error says so when it does not. */
  static async connect(config: GraphStoreConfig, options: { verify?: boolean } = {}) {
    const connection = Connection.open(config);
    if (options.verify === false) return new GraphStore(connection);
    try {
      await connection.driver.verifyConnectivity({ database: connection.database });
    } catch (error) {
      await connection.close();
      const domainError = toDomainError(error);
      domainError.message = `cannot reach Neo4j at ${config.uri}: ${(error as Error).message}`;
      throw domainError;
    }
    return new GraphStore(connection);
  }

  migrate = () => migrate(this.connection);
  write = (batch: GraphBatch, change: ChangeInfo, onProgress?: WriteProgress) =>
    writeBatch(this.connection, batch, change, onProgress, (row) => this.changes.recorded(row));
  /**
   * A write planned against what is stored, under the write lock (see write-store.ts): imports
   * reconcile here, so nothing written meanwhile is overwritten by a stale plan.
   */
  writePlanned = <P extends Planned>(
    plan: (lookup: StoreLookup, lockedVersion: number) => Promise<P>,
    change: (planned: P) => ChangeInfo,
    onProgress?: WriteProgress,
  ) => writePlanned(this.connection, plan, change, onProgress);
  /**
   * A planned write too large for one transaction: chunks staged invisibly, then made visible
   * at once, all or nothing (see staged-import.ts). The plan is made outside any write, with
   * readLookup, at the graph version given; it is made again if the graph moved since.
   */
  writeStaged = <P extends Planned>(options: Omit<StagedWriteOptions<P>, 'lookup'>) =>
    writeStaged(this.connection, { ...options, lookup: this.lookup });
  /** Rolls back the chunked imports whose process died before finishing; run at every start. */
  recoverImports = (options?: RecoveryOptions) => recoverImports(this.connection, options);
  removeRelationships = (
    keys: { type: RelationType; from: string; to: string }[],
    change: ChangeInfo,
  ) => removeRelationships(this.connection, keys, change);
  removeNodes = (ids: string[], change: ChangeInfo) => removeNodes(this.connection, ids, change);
  /** Trusted records into an empty graph, in many transactions (see bulk-load.ts). */
  bulkLoad = (items: Iterable<LoadItem>, change: ChangeInfo, options?: BulkLoadOptions) =>
    bulkLoad(this.connection, items, change, options);
  /** The Change of an offline load (offline-load.ts), once the store runs and is migrated. */
  recordOfflineLoad = (change: ChangeInfo, counts: { nodes: number; relationships: number }) =>
    recordOfflineLoad(this.connection, change, counts);

  async getEntity(id: string): Promise<StoredEntity | undefined> {
    return (await getEntities(this.connection, [id])).get(id);
  }
  getEntities = (ids: string[]) => getEntities(this.connection, ids);
  findByName = (name: string, limit?: number) => findByName(this.connection, name, limit);
  list = (group: KindGroup, filter: ListFilter, page: ListPage) =>
    listNodes(this.connection, group, filter, page);
  search = (text: string, options: { kinds?: NodeKind[]; first: number; offset: number }) =>
    searchNodes(this.connection, text, options);

  private readonly lookup = lookupThrough((cypher, params) => this.connection.read(cypher, params));
  /**
   * Reconciliation: the stored nodes each name may mean, by normalised name, alias or id. Read
   * outside any write: what decides a write is read through writePlanned's lookup instead.
   */
  matchNames = (names: string[]) => this.lookup.matchNames(names);
  kindsOf = (ids: string[]) => this.lookup.kindsOf(ids);
  storedIdsFolded = (ids: string[]) => this.lookup.storedIdsFolded(ids);
  reviewDecisions = () => this.lookup.reviewDecisions();
  /** Every reconciliation read at once, outside any write: for a plan that writes nothing. */
  readLookup = (): StoreLookup => this.lookup;
  nodesOwnedBy = (owners: OwnerQuery[]) => this.lookup.nodesOwnedBy(owners);
  /** A person's answer to a proposed match, audited; later imports honour it. */
  recordReviewDecision = (decision: ReviewDecisionInput, change: ChangeInfo) =>
    recordReviewDecision(this.connection, decision, change);
  removeReviewDecision = (
    key: string,
    named: { name: string; owner: string },
    change: ChangeInfo,
  ) => removeReviewDecision(this.connection, key, named, change);
  listReviewDecisions = (page: { first: number; after?: string }) =>
    listReviewDecisions(this.connection, page);
  /** Deployments marked as ours, audited; they change who is told, not the lineage. */
  recordWatch = (watch: WatchInput, change: ChangeInfo) =>
    recordWatch(this.connection, watch, change);
  removeWatch = (deploymentId: string, change: ChangeInfo) =>
    removeWatch(this.connection, deploymentId, change);
  listWatches = (filter: { owner?: string; tag?: string; limit: number }) =>
    listWatches(this.connection, filter);
  /** What the licence check reads: the licence texts, who declares them, and of given nodes. */
  licenceTexts = () => licenceTexts(this.connection);
  nodesUnderLicences = (texts: string[], limit: number) =>
    nodesUnderLicences(this.connection, texts, limit);
  licencesOf = (ids: string[]) => licencesOf(this.connection, ids);
  /** Webhooks and their deliveries: who is told of new exposures, and what was sent. */
  recordWebhook = (
    input: WebhookInput & { id: string; secret: string },
    baseline: { version: number; exposures: string[]; watched: string[] },
    change: ChangeInfo,
  ) => recordWebhook(this.connection, input, baseline, change);
  removeWebhook = (id: string, change: ChangeInfo) => removeWebhook(this.connection, id, change);
  listWebhooks = (limit: number) => listWebhooks(this.connection, limit);
  webhookSecret = (id: string) => webhookSecret(this.connection, id);
  advanceWebhook = (
    id: string,
    state: { version: number; exposures: string[]; watched: string[] },
  ) => advanceWebhook(this.connection, id, state);
  triageChangesBetween = (since: number, until: number) =>
    triageChangesBetween(this.connection, since, until);
  claimDelivery = (delivery: NewDelivery) => claimDelivery(this.connection, delivery);
  leaseDueDeliveries = (options: { lease: string; leaseMs: number; limit: number }) =>
    leaseDueDeliveries(this.connection, options);
  recordDeliveryAttempt = (id: string, attempt: DeliveryAttempt) =>
    recordAttempt(this.connection, id, attempt);
  listDeliveries = (filter: { webhookId?: string; limit: number }) =>
    listDeliveries(this.connection, filter);

  outgoingOf = (ids: string[]) => outgoingOf(this.connection, ids);
  /** The relationship a key names (from, type, to), as stored; null when there is none. */
  storedRelationship = (key: RelationshipKey) => storedRelationship(this.connection, key);
  incomingPage = (id: string, options: { types?: RelationType[]; first: number; after?: string }) =>
    incomingPage(this.connection, id, options);

  fetchClosure = (ids: string[], direction: Direction, maxDepth?: number) =>
    fetchClosure(this.connection, ids, direction, maxDepth);
  lineageView = (id: string, options: LineageViewOptions) =>
    lineageView(this.connection, id, options);
  shortestChain = (from: string, to: string, asOf?: string | null) =>
    shortestChain(this.connection, from, to, asOf);
  blastRadius = (first: number, asOf?: string | null) => blastRadius(this.connection, first, asOf);
  /** Lineage relationships that began or ended in (from, to], at most `limit`. */
  lineageChangesBetween = (from: string, to: string, limit: number) =>
    lineageChangesBetween(this.connection, from, to, limit);
  /** Lineage nodes released or retired in (from, to], at most `limit`. */
  lineageNodesDatedBetween = (from: string, to: string, limit: number) =>
    lineageNodesDatedBetween(this.connection, from, to, limit);

  defectContext = (id: string) => defectContext(this.connection, id);
  defectsWithOriginsIn = (ids: string[]) => defectsWithOriginsIn(this.connection, ids);
  operatorsOf = (deploymentIds: string[]) => operatorsOf(this.connection, deploymentIds);

  /** The whole graph, streamed: entities, then the relationships between them. */
  exportNodes = () => exportNodes(this.connection);
  exportRelationships = () => exportRelationships(this.connection);

  graphVersion = () => graphVersion(this.connection);
  /** Ids the writes of versions (since, until] touched; undefined when unknown. */
  touchedBetween = (since: number, until: number) => touchedBetween(this.changes, since, until);

  /**
   * Holds the whole lineage in memory for impact queries (see lineage-projection.ts): for
   * long-running servers, not for one-shot commands. Starts the first build.
   */
  enableProjection(onError?: (error: Error) => void): LineageProjection {
    this.lineageProjection ??= new LineageProjection(this.connection, {
      onError,
      changes: this.changes,
    });
    void this.lineageProjection.refresh();
    return this.lineageProjection;
  }
  get projection(): LineageProjection | undefined {
    return this.lineageProjection;
  }
  /** The audit trail, newest first. */
  recentChanges = (limit = 50, before?: number) => recentChanges(this.connection, limit, before);
  countByKind = () => countByKind(this.connection);
  schemaSummary = () => schemaSummary(this.connection);
  countAllNodes = () => countAllNodes(this.connection);
  graphHash = (scope?: HashScope) => graphHash(this.connection, scope);
  /** Open transactions and their memory, to measure a long write from outside. */
  runningTransactions = () => runningTransactions(this.connection);
  close = () => this.connection.close();
}
