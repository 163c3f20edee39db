import { NODE_KINDS } from '@lineage/domain';
import type { Metadata } from 'next';
import { SearchBox } from '../../components/SearchBox';
import { SearchProblem } from '../../components/search/SearchProblem';
import { SearchResults } from '../../components/search/SearchResults';
import type { SearchPageQuery } from '../../generated/graphql';
import { ApiError, gql } from '../../lib/api';
import { SEARCH_PAGE } from './search-page-query';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The page's search: its text, the kinds it keeps (unknown ones dropped), its cursor. */
async function readSearch(searchParams: Props['searchParams']) {
  const params = await searchParams;
  const kinds = all(params.kind).filter((kind): kind is (typeof NODE_KINDS)[number] =>
    (NODE_KINDS as readonly string[]).includes(kind),
  );
  return { text: (all(params.q)[0] ?? '').trim(), kinds, after: all(params.after)[0] };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { text } = await readSearch(searchParams);
  return { title: text ? `Search: ${text}` : 'Search' };
}

export default async function SearchPage({ searchParams }: Props) {
  const { text, kinds, after } = await readSearch(searchParams);
  let result: SearchPageQuery['search'] | undefined;
  let problem: ApiError | undefined;
  if (text) {
    try {
      result = (await gql<SearchPageQuery>(SEARCH_PAGE, { text, kinds, after })).search;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      problem = error;
    }
  }
  return (
    <>
      <section className="panel search-page-form" aria-labelledby="search-title">
        <h1 id="search-title">{result ? `Results for “${text}”` : 'Search'}</h1>
        <SearchBox key={text} initialText={text} kinds={kinds.length ? kinds : undefined} />
        {!text ? (
          <p className="muted">
            Type a name, an alias or an id: a model (Llama 3.1 8B, meta-llama/Llama-3.1-8B), a
            product (ChatGPT), a dataset or a defect (FMD-2026-0008). Press Enter to see every
            result.
          </p>
        ) : null}
      </section>
      {problem ? <SearchProblem error={problem} text={text} kinds={kinds} /> : null}
      {result ? <SearchResults text={text} kinds={kinds} after={after} result={result} /> : null}
    </>
  );
}
