import Link from 'next/link';
import type { AsOfChoice } from '../lib/as-of';

/**
 * The day a page is stated for, as a plain GET form: the date (and the disclosed-only switch)
 * go into the URL, so the page works without script and a link shows the same day to anyone.
 */
export function AsOfControl({
  action,
  choice,
  disclosedOnly,
  explanation,
}: {
  /** The page's own path, without query. */
  action: string;
  choice: AsOfChoice;
  /** Whether the page offers "disclosed only", and its state; left out where it does not. */
  disclosedOnly?: boolean;
  explanation: string;
}) {
  const back = disclosedOnly ? `${action}?disclosedOnly=1` : action;
  return (
    <form method="get" action={action} className="as-of-form" data-testid="as-of-form">
      <label>
        As of
        <input type="date" name="asOf" defaultValue={choice.date} required />
      </label>
      {disclosedOnly !== undefined ? (
        <label className="checkbox">
          <input type="checkbox" name="disclosedOnly" value="1" defaultChecked={disclosedOnly} />
          Disclosed only
        </label>
      ) : null}
      <button type="submit">Show</button>
      {choice.isToday ? null : <Link href={back}>Back to today</Link>}
      <p className="muted small as-of-explanation">{explanation}</p>
      {choice.problem ? (
        <p role="alert" className="error-text as-of-explanation">
          {choice.problem}
        </p>
      ) : null}
    </form>
  );
}
