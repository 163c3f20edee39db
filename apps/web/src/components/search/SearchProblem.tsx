import type { ApiError } from '../../lib/api';
import { searchHref } from '../../lib/search-href';

const sentence = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;

/** The results page when the API refuses the text (it says why) or cannot answer. */
export function SearchProblem({
  error,
  text,
  kinds,
}: {
  error: ApiError;
  text: string;
  kinds: string[];
}) {
  const refused = error.code === 'BAD_USER_INPUT' || error.code === 'VALIDATION';
  return (
    <section className="panel error" aria-labelledby="search-problem" role="alert">
      <h2 id="search-problem">{refused ? 'This text cannot be searched' : 'Search failed'}</h2>
      <p>{refused ? sentence(error.message.replace(/^text: /, '')) : error.message}</p>
      {refused ? (
        <p className="muted">Shorten the text or use fewer words, then search again.</p>
      ) : (
        <p className="muted">
          The API could not answer; try again in a moment.{' '}
          <a href={searchHref(text, kinds)}>Try again</a>
        </p>
      )}
    </section>
  );
}
