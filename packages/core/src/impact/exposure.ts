import {
  buildLineageGraph,
  computeImpact,
  dayNumber,
  holdsOn,
  ImpactView,
  levelRank,
  nodeIndex,
  periodOf,
  periodsOf,
  severityRank,
  timeBreakpoints,
  type ExposedRow,
  type ExposureLevel,
  type LineageGraph,
  type Severity,
  type TimedValue,
} from '@lineage/domain';
import type { DefectContext, GraphStore, Triage } from '@lineage/graph-store';
import type { AsOf, TimeOptions } from '../time/as-of';
import { disclosedBy, indicesIn, mitigatorsOn } from './defect-on-day';

/** A period over which a defect reached a node, at one level. Null ends are open. */
export interface ExposureWindow {
  from: string | null;
  to: string | null;
  level: ExposureLevel;
  mitigated: boolean;
  /** The witness path on the window's first day. */
  path: string[];
}

export interface ExposureRow {
  defectId: string;
  severity: Severity;
  /** How the defect reaches the node on the day asked. */
  row: ExposedRow;
  /** The first day of the window holding the day asked; null when it is open at the start. */
  since: string | null;
  /** Every period the defect reached the node, oldest first. */
  windows: ExposureWindow[];
  /**
   * The mitigating nodes that stop the defect upstream (on `row.path`, the path it would take
   * without them); empty when it reaches the node. Only with `includeStopped`.
   */
  stoppedBy: string[];
  /** The node's triage for the defect, when someone made one. */
  triage?: Triage;
}

export interface ExposureOptions extends TimeOptions {
  /** Also list defects that would reach the node but for a mitigation upstream of it. */
  includeStopped?: boolean;
}

/**
 * Every defect that reaches a node on `asOf.day`, with the periods over which each did. Every path from an origin to the node
 * runs through the node's ancestors, so one upstream closure, fetched whatever its dates, holds
 * all the lineage each computation needs; the engine then reads it as of each day. Between two
 * days on which something in that closure begins or ends, the answer cannot change: each
 * defect is computed once per such period.
 */
export async function exposureOfNode(
  store: GraphStore,
  nodeId: string,
  asOf: AsOf,
  options: ExposureOptions,
): Promise<ExposureRow[]> {
  const ancestors = await store.fetchClosure([nodeId], 'UPSTREAM');
  const defects = await store.defectsWithOriginsIn(ancestors.nodes.map((node) => node.id));
  // The ancestors alone decide the node's exposure, and are few: no need for the projection.
  const graph = buildLineageGraph(ancestors.nodes, ancestors.edges);
  const target = nodeIndex(graph, nodeId);
  const rows: ExposureRow[] = [];
  for (const context of defects) {
    const reachOn = (day: number) => reachOfDefect(graph, context, target, day, options);
    const now = reachOn(asOf.day);
    if (!now) {
      const stopped = options.includeStopped
        ? stoppedUpstream(graph, context, target, asOf.day, options)
        : undefined;
      if (stopped) rows.push(stopped);
      continue;
    }
    const periods = periodsReached(graph, context, reachOn, options);
    const holding = periods.find(({ from, to }) => holdsOn(from, to, asOf.day));
    rows.push({
      defectId: context.defect.id,
      severity: context.defect.severity,
      row: now,
      since: holding ? periodOf(holding.from, holding.to).from : null,
      windows: periods.map(({ from, to, value }) => ({
        ...periodOf(from, to),
        level: value.level,
        mitigated: value.mitigated,
        path: value.path,
      })),
      stoppedBy: [],
      ...triageOf(context, nodeId),
    });
  }
  return rows.sort(
    (a, b) =>
      a.stoppedBy.length - b.stoppedBy.length ||
      Number(a.row.mitigated) - Number(b.row.mitigated) ||
      levelRank(b.row.level) - levelRank(a.row.level) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.defectId < b.defectId ? -1 : 1),
  );
}

/**
 * A defect that reaches the target on `day` only when its mitigations are ignored: the row it
 * would have (path and level without them) and the mitigating nodes on that path.
 */
function stoppedUpstream(
  graph: LineageGraph,
  context: DefectContext,
  target: number,
  day: number,
  options: TimeOptions,
): ExposureRow | undefined {
  const mitigators = mitigatorsOn(context, day);
  if (!mitigators.length) return undefined;
  const unmitigated = { ...context, mitigators: [], mitigatedSince: {} };
  const wouldBe = reachOfDefect(graph, unmitigated, target, day, options);
  if (!wouldBe) return undefined;
  return {
    defectId: context.defect.id,
    severity: context.defect.severity,
    row: wouldBe,
    since: null,
    windows: [],
    // The node's own mitigation (it may mitigate too) is not what stops the defect upstream.
    stoppedBy: wouldBe.path.filter((id) => id !== graph.ids[target] && mitigators.includes(id)),
    ...triageOf(context, graph.ids[target]!),
  };
}

const triageOf = (context: DefectContext, nodeId: string) => {
  const triage = context.triage.get(nodeId);
  return triage ? { triage } : {};
};

/** How one defect reaches the target on `day`, or undefined when it does not. */
function reachOfDefect(
  graph: LineageGraph,
  context: DefectContext,
  target: number,
  day: number,
  options: TimeOptions,
): ExposedRow | undefined {
  if (!disclosedBy(context.defect, day, options.disclosedOnly)) return undefined;
  const impact = computeImpact(
    graph,
    {
      category: context.defect.category,
      status: context.defect.status,
      origins: indicesIn(graph, context.origins),
      transmission: context.defect.transmission,
    },
    { mitigating: indicesIn(graph, mitigatorsOn(context, day)), asOf: day },
  );
  if (impact.levelOf(target) === 'NONE') return undefined;
  return new ImpactView(impact).row(target);
}

/** The periods, in day numbers, over which the defect reached the target, at one level each. */
function periodsReached(
  graph: LineageGraph,
  context: DefectContext,
  reachOn: (day: number) => ExposedRow | undefined,
  options: TimeOptions,
): TimedValue<ExposedRow>[] {
  // Besides the lineage's own dates, the answer changes when a mitigation begins and, when only
  // disclosed defects count, on the day of disclosure.
  const extra = Object.values(context.mitigatedSince).map(dayNumber);
  if (options.disclosedOnly && context.defect.disclosedAt) {
    extra.push(dayNumber(context.defect.disclosedAt));
  }
  return periodsOf(
    timeBreakpoints(graph, extra),
    reachOn,
    (a, b) => a.level === b.level && a.mitigated === b.mitigated,
  );
}
