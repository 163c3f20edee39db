import Link from 'next/link';
import { nodeHref } from '../lib/links';
import { upstreamWords, type ProvenanceFields } from '../lib/provenance';
import { KindBadge } from './Badges';
import { RelationBadge } from './provenance/RelationBadge';
import { PeriodNote } from './timeline/PeriodNote';

export interface TreeNode {
  id: string;
  name: string;
  kind: string;
}
export interface TreeEdge {
  type: string;
  from: string;
  to: string;
  declared: boolean;
  validFrom?: string | null;
  validTo?: string | null;
  provenance?: ProvenanceFields | null;
}

/**
 * A node's upstream lineage as a tree: its bill of materials. A parent shared by two branches
 * appears under both; a branch that reached the depth of the query says so.
 */
export function BomTree({
  root,
  nodes,
  edges,
}: {
  root: string;
  nodes: TreeNode[];
  edges: TreeEdge[];
}) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parents = new Map<string, TreeEdge[]>();
  for (const edge of edges) parents.set(edge.from, [...(parents.get(edge.from) ?? []), edge]);

  const branch = (id: string, seen: Set<string>): React.ReactNode => {
    const up = (parents.get(id) ?? []).filter((edge) => byId.has(edge.to) && !seen.has(edge.to));
    if (!up.length) return null;
    return (
      <ul>
        {up.map((edge) => {
          const parent = byId.get(edge.to)!;
          return (
            <li key={`${edge.type}-${parent.id}`}>
              <span className="relation">{upstreamWords(edge.type)}</span>{' '}
              <Link href={nodeHref(parent.id)}>{parent.name}</Link> <KindBadge kind={parent.kind} />{' '}
              <RelationBadge relation={edge} /> <PeriodNote period={edge} />
              {branch(parent.id, new Set([...seen, parent.id]))}
            </li>
          );
        })}
      </ul>
    );
  };

  const tree = branch(root, new Set([root]));
  return tree ? (
    <div className="tree">{tree}</div>
  ) : (
    <p className="muted">Nothing upstream: this is a root.</p>
  );
}
