import type { ViewEdge, ViewNode } from './to-cy-elements';

export interface Collapsed {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Group node id -> the ids it stands for (still folded) and how many it has in all. */
  groups: Map<string, { members: string[]; total: number }>;
}

const PLURAL: Record<string, string> = {
  Quantization: 'quantizations',
  FineTune: 'fine-tunes',
  Adapter: 'adapters',
  Merge: 'merges',
  Distillation: 'distillations',
  Deployment: 'deployments',
  Dataset: 'datasets',
  BaseModel: 'base models',
};

export const groupId = (parent: string, relation: string, kind: string) =>
  `group:${parent}|${relation}|${kind}`;

/** Members an opened group shows at a time: a readable block, the rest one click away. */
export const GROUP_PAGE = 30;

/**
 * Opened groups as the URL lists them: `group:…` shows GROUP_PAGE members, `group:…@90`
 * shows 90. A malformed count reads as one page.
 */
export function openedGroups(open: string[]): Map<string, number> {
  const shown = new Map<string, number>();
  for (const entry of open) {
    const match = /^(.*)@(\d{1,6})$/.exec(entry);
    const id = match ? match[1]! : entry;
    const count = match ? Math.max(GROUP_PAGE, Number(match[2])) : GROUP_PAGE;
    shown.set(id, Math.max(count, shown.get(id) ?? 0));
  }
  return shown;
}

/** The `open` list once a group (opened or not) shows its next page of members. */
export function showMore(open: string[], id: string): string[] {
  const shown = openedGroups(open).get(id);
  const others = open.filter((entry) => entry !== id && !entry.startsWith(`${id}@`));
  return [...others, shown === undefined ? id : `${id}@${shown + GROUP_PAGE}`];
}

/**
 * Folds large fan-outs into one node: the leaf children of a parent that share a relation and
 * a kind (hundreds of GGUF quantizations, say) become "N quantizations", unless the group
 * holds a node that must stay visible (the focus, the selection). An opened group shows its
 * first `open.get(id)` members (by name); the rest stay folded in "N more" under the same id.
 */
export function collapseFanOuts(
  nodes: ViewNode[],
  edges: ViewEdge[],
  options: { threshold: number; open: ReadonlyMap<string, number>; keep: Set<string> },
): Collapsed {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const hasChildren = new Set(edges.map((edge) => edge.to));
  const hasOtherParents = new Map<string, number>();
  for (const edge of edges)
    hasOtherParents.set(edge.from, (hasOtherParents.get(edge.from) ?? 0) + 1);

  const candidates = new Map<string, string[]>();
  for (const edge of edges) {
    const child = byId.get(edge.from);
    if (!child || hasChildren.has(child.id) || (hasOtherParents.get(child.id) ?? 0) > 1) continue;
    const key = groupId(edge.to, edge.type, child.kind);
    candidates.set(key, [...(candidates.get(key) ?? []), child.id]);
  }

  const groups = new Map<string, { members: string[]; total: number }>();
  const folded = new Set<string>();
  for (const [id, members] of candidates) {
    if (members.length <= options.threshold) continue;
    if (members.some((member) => options.keep.has(member))) continue;
    const shown = options.open.get(id) ?? 0;
    if (shown >= members.length) continue;
    const ordered = [...members].sort((a, b) => byId.get(a)!.name.localeCompare(byId.get(b)!.name));
    groups.set(id, { members: ordered.slice(shown), total: members.length });
    for (const member of ordered.slice(shown)) folded.add(member);
  }

  const groupNodes: ViewNode[] = [...groups.entries()].map(([id, { members, total }]) => {
    const kind = PLURAL[byId.get(members[0]!)!.kind] ?? byId.get(members[0]!)!.kind;
    const name = members.length === total ? `${total} ${kind}` : `${members.length} more ${kind}`;
    return { id, name, kind: 'Group' };
  });
  const groupEdges: ViewEdge[] = [...groups.keys()].map((id) => {
    const [parent, relation] = id.slice('group:'.length).split('|');
    return { type: relation!, from: id, to: parent!, declared: true };
  });
  return {
    nodes: [...nodes.filter((node) => !folded.has(node.id)), ...groupNodes],
    edges: [...edges.filter((edge) => !folded.has(edge.from)), ...groupEdges],
    groups,
  };
}
