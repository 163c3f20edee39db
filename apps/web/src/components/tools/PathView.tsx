import Link from 'next/link';
import type { FindPathQuery } from '../../generated/graphql';
import { nodeHref } from '../../lib/links';
import { originWords } from '../../lib/provenance';
import { KindBadge } from '../Badges';
import { RelationBadge } from '../provenance/RelationBadge';
import { PathGraph } from './PathGraph';

type Found = FindPathQuery;

/**
 * The path hop by hop: each node, then the relationship to the next with its direction (a
 * relationship points from the child or the deployment to what it is built on), whether a
 * source states it, and the record it was read from.
 */
export function PathView({
  found,
  asked,
  asOf,
}: {
  found: Found;
  asked: { from: string; to: string };
  asOf: string;
}) {
  const unknown = [!found.from && asked.from, !found.to && asked.to].filter(Boolean);
  if (unknown.length)
    return (
      <p role="alert" className="error-text">
        No node has the id {unknown.map((id) => `"${id}"`).join(' or ')}: pick one from the
        suggestions, or type an id such as model:meta-llama/Llama-3.1-8B.
      </p>
    );
  const path = found.path;
  if (!path)
    return (
      <section className="panel" aria-label="Path">
        <h2>No path</h2>
        <p data-testid="no-path">
          No chain of lineage joins {found.from!.name} and {found.to!.name} in either direction (as
          of {asOf}).
        </p>
      </section>
    );
  const nodes = path.nodes;
  return (
    <section className="panel" aria-label="Path">
      <h2>
        {path.length} hop{path.length === 1 ? '' : 's'} from {found.from!.name} to {found.to!.name}
      </h2>
      <PathGraph
        nodes={nodes}
        edges={path.relationships.map((r) => ({
          type: r.type,
          from: r.from.id,
          to: r.to.id,
          declared: r.declared,
        }))}
      />
      <ol className="path-hops" data-testid="path-hops">
        {nodes.map((node, i) => {
          const next = nodes[i + 1];
          const relation = next
            ? path.relationships.find(
                (r) =>
                  (r.from.id === node.id && r.to.id === next.id) ||
                  (r.from.id === next.id && r.to.id === node.id),
              )
            : undefined;
          return (
            <li key={node.id} data-node={node.id}>
              <Link href={nodeHref(node.id)}>{node.name}</Link> <KindBadge kind={node.kind} />
              {relation && next ? (
                <div className="path-relation" data-testid="path-relation">
                  {relation.from.id === node.id ? '↓' : '↑'}{' '}
                  <strong>{relation.type.replaceAll('_', ' ')}</strong>{' '}
                  <span className="muted">
                    (
                    {relation.from.id === node.id
                      ? `${node.name} → ${next.name}`
                      : `${next.name} → ${node.name}`}
                    )
                  </span>{' '}
                  <RelationBadge relation={relation} />{' '}
                  <span className="muted">
                    {originWords(relation.provenance?.origin)}
                    {relation.provenance?.record ? `: ${relation.provenance.record}` : ''}
                    {relation.validFrom ? `; from ${relation.validFrom}` : ''}
                    {relation.validTo ? ` until ${relation.validTo}` : ''}
                  </span>
                  {relation.sources.length ? (
                    <span>
                      {' '}
                      {relation.sources.map((url, s) => (
                        <a key={url} href={url} rel="noreferrer">
                          source{relation.sources.length > 1 ? ` ${s + 1}` : ''}
                        </a>
                      ))}
                    </span>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
