import Link from 'next/link';
import type { SearchPageQuery } from '../../generated/graphql';
import { KIND_STYLES } from '../../graph/vocabulary';
import { formatCount } from '../../lib/format';
import { nodeHref } from '../../lib/links';
import { searchHref } from '../../lib/search-href';
import { KindBadge } from '../Badges';

type Result = SearchPageQuery['search'];

const MATCH_NOTES: Record<string, string | undefined> = {
  EXACT: 'exact match',
  SIMILAR: 'similar spelling',
};

/** Filters by kind, as links: every kind with hits and its count, counted before filtering. */
function KindFilters({ text, kinds, result }: { text: string; kinds: string[]; result: Result }) {
  const total = result.byKind.reduce((sum, row) => sum + row.count, 0);
  const current = (selected: string[]) =>
    selected.length === kinds.length && selected.every((kind) => kinds.includes(kind))
      ? ('page' as const)
      : undefined;
  return (
    <nav aria-label="Filter by kind" className="kind-filters">
      <ul>
        <li>
          <Link href={searchHref(text)} aria-current={current([])}>
            All kinds <span className="count">{formatCount(total)}</span>
          </Link>
        </li>
        {result.byKind.map((row) => (
          <li key={row.kind}>
            <Link href={searchHref(text, [row.kind])} aria-current={current([row.kind])}>
              {KIND_STYLES[row.kind]?.label ?? row.kind}{' '}
              <span className="count">{formatCount(row.count)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Why nothing was found, and what to try: the other kinds' hits first, when there are any. */
function EmptyState({ text, kinds, result }: { text: string; kinds: string[]; result: Result }) {
  const elsewhere = result.byKind.reduce((sum, row) => sum + row.count, 0);
  return (
    <div className="search-empty" role="status">
      <h2>
        No results for “{text}”{kinds.length ? ' among these kinds' : ''}
      </h2>
      {kinds.length && elsewhere ? (
        <p>
          <Link href={searchHref(text)}>
            {formatCount(elsewhere)} result{elsewhere === 1 ? '' : 's'} in other kinds
          </Link>
        </p>
      ) : null}
      <ul className="hints">
        <li>Check the spelling: words of four or more letters forgive a typo or two.</li>
        <li>Use fewer words, or the start of a name (“llama 3” rather than a full title).</li>
        <li>
          Search by id: a defect (<Link href={searchHref('FMD-2026-0008')}>FMD-2026-0008</Link>
          ), a model as on Hugging Face (
          <Link href={searchHref('meta-llama/Llama-3.1-8B')}>meta-llama/Llama-3.1-8B</Link>) or any
          id with its kind (
          <Link href={searchHref('model:openai/gpt-4o')}>model:openai/gpt-4o</Link>).
        </li>
      </ul>
    </div>
  );
}

/** One page of search results with its kind filters and paging. */
export function SearchResults({
  text,
  kinds,
  after,
  result,
}: {
  text: string;
  kinds: string[];
  after?: string;
  result: Result;
}) {
  return (
    <section className="panel search-results" aria-labelledby="results-title">
      <h2 id="results-title" className="visually-hidden">
        Results
      </h2>
      {result.byKind.length ? <KindFilters text={text} kinds={kinds} result={result} /> : null}
      {result.edges.length === 0 ? (
        <EmptyState text={text} kinds={kinds} result={result} />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {formatCount(result.totalCount)}
            {result.totalCountCapped ? '+' : ''} result{result.totalCount === 1 ? '' : 's'}
            {after ? ' (a later page)' : ''}, best match first.
          </p>
          <ol className="result-list">
            {result.edges.map(({ node: { match, node } }) => (
              <li key={node.id}>
                <KindBadge kind={node.kind} />{' '}
                <Link href={nodeHref(node.id)} className="hit-name">
                  {node.name}
                </Link>{' '}
                <span className="muted">{node.id}</span>
                {MATCH_NOTES[match] ? (
                  <span className={`match-note match-${match.toLowerCase()}`}>
                    {MATCH_NOTES[match]}
                  </span>
                ) : null}
                {node.aliases.length ? (
                  <div className="muted aliases">Also known as {node.aliases.join(', ')}</div>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
      {after || result.pageInfo.hasNextPage ? (
        <nav aria-label="Result pages" className="result-pages">
          {after ? <Link href={searchHref(text, kinds)}>First page</Link> : null}
          {result.pageInfo.hasNextPage && result.pageInfo.endCursor ? (
            <Link href={searchHref(text, kinds, result.pageInfo.endCursor)} rel="next">
              Next 20 results
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
