import {
  EXPOSURE_LEVELS,
  LINEAGE_RELATIONS,
  MAX_WATCH_TAGS,
  MAX_WEBHOOKS,
  LICENCES,
  OBLIGATION_NAMES,
  WEBHOOK_EVENTS,
  NODE_KINDS,
  TRIAGE_STATES,
} from '@lineage/domain';

/** The largest page a list with `first` returns. */
export const MAX_PAGE_SIZE = 500;

/**
 * The most items each list without `first` returns. Resolvers enforce these, the cost limit
 * prices by them, and the SDL's descriptions state them: this file is their one source.
 */
export const LIST_CAPS = {
  /** A node's outgoing relationships (and a lineage node's parents), in type and id order. */
  outgoing: 100,
  /** A defect's origins (AFFECTS). */
  origins: 100,
  /** A defect's mitigations, an impact's mitigated nodes and a what-if's assumeMitigations. */
  mitigations: 500,
  /** Exposed deployments over all of an impact's provider groups, most exposed first. */
  deploymentsByProvider: 500,
  /** Defects reaching one node, strongest first. */
  exposure: 500,
  /** One exposure's windows: the most recent ones. */
  exposureWindows: 10,
  /** Relationships that began or ended, and exposures that changed, between two days. */
  changes: 500,
  /** The dashboard's open exposures of watched products, and the watches listed. */
  watchedExposures: 500,
  watches: 500,
  /** The graph view: maxNodes nodes at most, and edges among them up to this many per node. */
  lineageEdgesPerNode: 2,
  lineageMaxNodes: 2000,
  /** Binding terms a node inherits, and the licence problems in its upstream lineage. */
  inheritedLicences: 100,
  licenceProblems: 500,
} as const;

/**
 * A witness path or a shortest chain is as long as the graph is deep: the caller cannot make it
 * longer, so it is priced at a depth deeper than the real supply chain's, not capped.
 */
const PATH_PRICE = 20;

/**
 * What the cost limit multiplies a field's selection by: a size, or one read from the arguments
 * of the field holding it (the graph view's maxNodes, an impact's first).
 */
export type ListPrice = number | ((holderArgs: Record<string, unknown>) => number);

const maxNodesOf = (args: Record<string, unknown>) =>
  typeof args.maxNodes === 'number' ? args.maxNodes : LIST_CAPS.lineageMaxNodes;

/**
 * Every list field without `first`, and fields whose `first` pages something below them, by
 * "Type.field" (an interface's entry covers the types that implement it). A unit test checks
 * that no list reachable from Query is missing.
 */
export const LIST_PRICES: Record<string, ListPrice> = {
  // `first` of impact and whatIf pages their exposed nodes, not the rest of the impact.
  'Query.impact': 1,
  'Query.whatIf': 1,
  'Impact.exposed': (args) => (typeof args.first === 'number' ? args.first : MAX_PAGE_SIZE),
  'Node.outgoing': LIST_CAPS.outgoing,
  'LineageNode.parents': LIST_CAPS.outgoing,
  'Defect.origins': LIST_CAPS.origins,
  'Defect.mitigations': LIST_CAPS.mitigations,
  'Defect.transmission': LINEAGE_RELATIONS.length,
  'Impact.mitigated': LIST_CAPS.mitigations,
  // Groups are never more than the rows they hold, so the rows' cap prices both levels.
  'Impact.deploymentsByProvider': LIST_CAPS.deploymentsByProvider,
  'ProviderExposure.deployments': 1,
  'ImpactTotals.byLevel': EXPOSURE_LEVELS.length,
  'ImpactTotals.byKind': NODE_KINDS.length,
  'ImpactTriage.byState': TRIAGE_STATES.length,
  'Query.watches': LIST_CAPS.watches,
  'Query.webhooks': MAX_WEBHOOKS,
  'Webhook.events': WEBHOOK_EVENTS.length,
  'Query.licences': LICENCES.length,
  'Query.licenceCheck': 1,
  'LicenceCheck.problems': (args) => (typeof args.first === 'number' ? args.first : 100),
  'NodeLicence.alsoNamed': LICENCES.length,
  'NodeLicence.inherited': LIST_CAPS.inheritedLicences,
  // A node's own problems are one per inherited licence at most.
  'NodeLicence.problems': LIST_CAPS.inheritedLicences,
  'NodeLicence.upstream': LIST_CAPS.licenceProblems,
  'InheritedLicence.path': PATH_PRICE,
  'LicenceProblem.path': PATH_PRICE,
  'LicenceProblem.dropped': OBLIGATION_NAMES.length,
  'WatchedExposures.exposures': LIST_CAPS.watchedExposures,
  'WatchedExposure.path': PATH_PRICE,
  'Watch.tags': MAX_WATCH_TAGS,
  'Stats.byKind': NODE_KINDS.length,
  'SearchConnection.byKind': NODE_KINDS.length,
  'Query.exposure': LIST_CAPS.exposure,
  'ExposedNode.path': PATH_PRICE,
  'ExposedNode.hops': PATH_PRICE,
  'ImpactTotals.byDistance': PATH_PRICE,
  'ImpactTotals.byRelation': LINEAGE_RELATIONS.length,
  'Exposure.path': PATH_PRICE,
  'Exposure.windows': LIST_CAPS.exposureWindows,
  // The mitigating nodes stopping a defect lie on its path.
  'Exposure.stoppedBy': PATH_PRICE,
  'ExposureWindow.path': PATH_PRICE,
  'Changes.relationships': LIST_CAPS.changes,
  'Changes.exposures': LIST_CAPS.changes,
  'Path.nodes': PATH_PRICE,
  'Path.relationships': PATH_PRICE,
  'LineageGraph.nodes': maxNodesOf,
  'LineageGraph.edges': (args) => maxNodesOf(args) * LIST_CAPS.lineageEdgesPerNode,
};

/** Lists this API does not know of (a mutation's userErrors): priced as a full page. */
export const UNKNOWN_LIST_PRICE = MAX_PAGE_SIZE;
