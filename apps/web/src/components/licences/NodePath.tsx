import Link from 'next/link';
import { nodeHref } from '../../lib/links';

/**
 * The lineage a licence's terms travel along, from the ancestor declaring them down to the node,
 * each a link; the node whose page this is reads as plain text.
 */
export function NodePath({
  path,
  current,
}: {
  path: { id: string; name: string }[];
  current?: string;
}) {
  return (
    <ol className="hops" aria-label="Path">
      {path.map((node, index) => (
        <li key={`${index}-${node.id}`}>
          {node.id === current ? (
            <strong>{node.name}</strong>
          ) : (
            <Link href={nodeHref(node.id)}>{node.name}</Link>
          )}
        </li>
      ))}
    </ol>
  );
}
