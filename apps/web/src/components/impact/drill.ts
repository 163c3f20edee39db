import type { ElementDefinition } from 'cytoscape';

/** A group of the aggregate drilled into: by hop, relation, node kind or operator. */
export type Drill = { by: 'distance' | 'relation' | 'kind' | 'operator'; key: string };

export const DRILL_TITLES: Record<Drill['by'], string> = {
  distance: 'By hop',
  relation: 'By relation of the last hop',
  kind: 'By kind',
  operator: 'Deployments by operator',
};

/** Whether an exposed deployment belongs to the group. */
export function deploymentInDrill(
  row: {
    distance: number;
    provider: string;
    path: { kind: string }[];
    hops: { relation: string }[];
  },
  drill: Drill | undefined,
): boolean {
  if (!drill) return true;
  switch (drill.by) {
    case 'distance':
      return String(row.distance) === drill.key;
    case 'relation':
      return row.hops.at(-1)?.relation === drill.key;
    case 'kind':
      return drill.key === 'Deployment';
    case 'operator':
      return row.provider.split(', ').includes(drill.key);
  }
}

/**
 * The graph elements a drill-down keeps bright: the group's nodes with their witness paths (a
 * node is never shown cut off from how the defect reaches it), and the "+N more" node of a hop.
 */
export function drillFocus(
  elements: ElementDefinition[],
  drill: Drill | undefined,
  operatorsOf: Map<string, string>,
): Set<string> | undefined {
  if (!drill) return undefined;
  const focus = new Set<string>();
  for (const { group, data } of elements) {
    if (group !== 'nodes') continue;
    const inside =
      drill.by === 'distance'
        ? String(data.distance) === drill.key
        : drill.by === 'relation'
          ? data.relation === drill.key
          : drill.by === 'kind'
            ? data.kind === drill.key
            : (operatorsOf.get(String(data.id)) ?? '').split(', ').includes(drill.key);
    if (!inside) continue;
    focus.add(String(data.id));
    for (const id of (data.path as string[] | undefined) ?? []) focus.add(id);
  }
  return focus;
}
