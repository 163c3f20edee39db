import Link from 'next/link';
import type { NodeLicenceQuery } from '../../generated/graphql';
import { nodeHref } from '../../lib/links';
import { ProblemKindBadge } from './ProblemKindBadge';

type Upstream = NonNullable<NodeLicenceQuery['nodeLicence']>['upstream'];

/**
 * Licence problems of the node's ancestors: debt its supply chain carries even where its own
 * licence is sound. Folded, since the node's own problems come first; the API lists 500 at most.
 */
export function UpstreamProblems({ upstream, nodeId }: { upstream: Upstream; nodeId: string }) {
  const others = upstream.filter((problem) => problem.node.id !== nodeId);
  if (!others.length) return null;
  const capped = upstream.length >= 500;
  return (
    <details className="upstream-problems" data-testid="upstream-licence-problems">
      <summary>
        {capped ? 'At least ' : ''}
        {others.length} licence problem{others.length === 1 ? '' : 's'} upstream
      </summary>
      <ul>
        {others.map((problem, index) => (
          <li key={`${index} ${problem.node.id}`}>
            <ProblemKindBadge kind={problem.kind} />{' '}
            <Link href={nodeHref(problem.node.id)}>{problem.node.name}</Link>{' '}
            <span className="muted small">
              {problem.reason} (terms from{' '}
              <Link href={nodeHref(problem.from.id)}>{problem.from.name}</Link>)
            </span>
          </li>
        ))}
      </ul>
      <p className="small">
        <Link href="/licences">Every licence problem in the graph</Link>
      </p>
    </details>
  );
}
