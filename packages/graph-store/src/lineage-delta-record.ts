import {
  LINEAGE_KINDS,
  LINEAGE_RELATIONS,
  type LineageDelta,
  type LineageEdgeInput,
  type LineageEdgeKey,
  type LineageNodeInput,
  type LineageRelation,
  type NodeKind,
} from '@lineage/domain';

/** What a write did to the lineage; its version is the Change's own. */
export type LineageChange = Omit<LineageDelta, 'version'>;

/**
 * Above this many items a Change records no delta (only the count): a projection then rebuilds
 * rather than parse a delta that may take as long, and the audit trail stays small.
 */
export const LINEAGE_DELTA_CAP = 10_000;

export const emptyLineageChange = (): LineageChange => ({
  nodes: [],
  edges: [],
  removedNodes: [],
  removedEdges: [],
});

export function lineageChangeItems(change: LineageChange): number {
  return (
    change.nodes.length +
    change.edges.length +
    change.removedNodes.length +
    change.removedEdges.length
  );
}

// Stored as JSON tuples (about half the size of objects with named fields); `v` names the layout.
type NodeTuple = [string, NodeKind, string | null, string | null];
type EdgeTuple = [string, LineageRelation, string, 0 | 1, string | null, string | null];
type KeyTuple = [string, LineageRelation, string];
interface Stored {
  v: 1;
  n: NodeTuple[];
  e: EdgeTuple[];
  rn: string[];
  re: KeyTuple[];
}

/** The Change properties that carry a delta: none above the cap, so the projection rebuilds. */
export function lineageDeltaProps(change: LineageChange | undefined): {
  lineageDelta: string | null;
  lineageDeltaItems: number | null;
} {
  if (!change) return { lineageDelta: null, lineageDeltaItems: null };
  const items = lineageChangeItems(change);
  if (items > LINEAGE_DELTA_CAP) return { lineageDelta: null, lineageDeltaItems: items };
  const stored: Stored = {
    v: 1,
    n: change.nodes.map((n) => [n.id, n.kind, n.releasedAt ?? null, n.retiredAt ?? null]),
    e: change.edges.map((e) => [
      e.from,
      e.type,
      e.to,
      e.declared ? 1 : 0,
      e.validFrom ?? null,
      e.validTo ?? null,
    ]),
    rn: change.removedNodes,
    re: change.removedEdges.map((e) => [e.from, e.type, e.to]),
  };
  return { lineageDelta: JSON.stringify(stored), lineageDeltaItems: items };
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isDay = (value: unknown) => value === null || isText(value);
const isKind = (value: unknown) => LINEAGE_KINDS.includes(value as NodeKind);
const isRelation = (value: unknown) => LINEAGE_RELATIONS.includes(value as LineageRelation);
const isList = (value: unknown): value is unknown[][] =>
  Array.isArray(value) && value.every(Array.isArray);

/**
 * The delta a Change recorded, or undefined when its text is not one this code wrote (a
 * projection must not guess: it rebuilds instead).
 */
export function parseLineageDelta(text: string, version: number): LineageDelta | undefined {
  let stored: Partial<Stored>;
  try {
    stored = JSON.parse(text) as Partial<Stored>;
  } catch {
    return undefined;
  }
  const { n, e, rn, re } = stored;
  if (stored.v !== 1 || !isList(n) || !isList(e) || !isList(re)) return undefined;
  if (!Array.isArray(rn) || !rn.every(isText)) return undefined;
  const nodesOk = n.every(
    ([id, kind, from, to]) => isText(id) && isKind(kind) && isDay(from) && isDay(to),
  );
  const edgesOk = e.every(
    ([from, type, to, declared, validFrom, validTo]) =>
      isText(from) &&
      isRelation(type) &&
      isText(to) &&
      (declared === 0 || declared === 1) &&
      isDay(validFrom) &&
      isDay(validTo),
  );
  const keysOk = re.every(([from, type, to]) => isText(from) && isRelation(type) && isText(to));
  if (!nodesOk || !edgesOk || !keysOk) return undefined;
  return {
    version,
    nodes: (n as NodeTuple[]).map(([id, kind, releasedAt, retiredAt]): LineageNodeInput => ({
      id,
      kind,
      releasedAt,
      retiredAt,
    })),
    edges: (e as EdgeTuple[]).map(
      ([from, type, to, declared, validFrom, validTo]): LineageEdgeInput => ({
        from,
        to,
        type,
        declared: declared === 1,
        validFrom,
        validTo,
      }),
    ),
    removedNodes: rn,
    removedEdges: (re as KeyTuple[]).map(([from, type, to]): LineageEdgeKey => ({
      from,
      type,
      to,
    })),
  };
}
