import Link from 'next/link';
import { KindBadge } from '../../../components/Badges';
import type { ProviderListsQuery } from '../../../generated/graphql';
import { formatCount } from '../../../lib/format';
import { nodeHref } from '../../../lib/links';

type Listing = ProviderListsQuery['models'];

/** The page's address showing one list from a cursor (the other lists from their start). */
function pageHref(id: string, list: string, after?: string | null) {
  return after
    ? `${nodeHref(id)}?${new URLSearchParams({ [`${list}After`]: after })}#${list}`
    : `${nodeHref(id)}#${list}`;
}

/** What a provider developed (models, datasets) and operates (deployments), paged. */
export function ProviderListings({
  id,
  lists,
  paged,
}: {
  id: string;
  lists: ProviderListsQuery;
  /** Lists shown from a cursor rather than their start. */
  paged: Set<string>;
}) {
  const sections: [string, string, Listing][] = [
    ['models', 'Models it developed', lists.models],
    ['datasets', 'Datasets it published', lists.datasets],
    ['deployments', 'Products it operates', lists.deployments],
  ];
  return (
    <>
      <nav className="on-page panel" aria-label="On this page">
        {sections.map(([key, title, list]) => (
          <a key={key} href={`#${key}`}>
            {title} ({formatCount(list.totalCount)})
          </a>
        ))}
      </nav>
      {sections.map(([key, title, list]) => (
        <section key={key} className="panel" aria-labelledby={key} data-testid={`provider-${key}`}>
          <h2 id={key}>
            {title} ({formatCount(list.totalCount)})
          </h2>
          {list.totalCount === 0 ? (
            <p className="muted">None recorded.</p>
          ) : (
            <>
              <ul className="children">
                {list.edges.map(({ node }) => (
                  <li key={node.id}>
                    <Link href={nodeHref(node.id)}>{node.name}</Link> <KindBadge kind={node.kind} />
                    {node.releasedAt ? (
                      <span className="muted small"> released {node.releasedAt}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
              <p className="pager">
                {paged.has(key) ? <Link href={pageHref(id, key)}>First page</Link> : null}
                {list.pageInfo.hasNextPage ? (
                  <Link href={pageHref(id, key, list.pageInfo.endCursor)}>Next 25 {key}</Link>
                ) : null}
              </p>
            </>
          )}
        </section>
      ))}
    </>
  );
}
