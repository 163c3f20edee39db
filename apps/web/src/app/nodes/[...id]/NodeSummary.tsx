import { LevelBadge } from '../../../components/Badges';
import { LEVEL_ORDER } from '../../../graph/vocabulary';
import { formatCount } from '../../../lib/format';

interface ExposureSummaryRow {
  level: string;
  mitigated: boolean;
  stoppedBy: unknown[];
}

/**
 * The node page at a glance, above everything else: how many defects reach it at each level,
 * how much it is built on, its licence's problems and how much is built on it, each a link to
 * its section.
 */
export function NodeSummary(props: {
  exposure: ExposureSummaryRow[];
  ancestors: number;
  ancestorsTruncated: boolean;
  downstream: number;
  downstreamTruncated: boolean;
  timelines: boolean;
  /** The licence section's own problems; undefined where the page has no such section. */
  licenceProblems?: number;
}) {
  const reaching = props.exposure.filter((row) => !row.stoppedBy.length && !row.mitigated);
  const stopped = props.exposure.length - reaching.length;
  const byLevel = LEVEL_ORDER.map(
    (level) => [level, reaching.filter((row) => row.level === level).length] as const,
  ).filter(([, count]) => count > 0);
  const more = (truncated: boolean) => (truncated ? 'more than ' : '');
  return (
    <nav className="on-page panel" aria-label="On this page" data-testid="node-summary">
      <a href="#facts">Facts and sources</a>
      <a href="#bom">
        Built on {more(props.ancestorsTruncated)}
        {formatCount(props.ancestors)} node{props.ancestors === 1 ? '' : 's'}
      </a>
      <span>
        <a href="#defects">
          {reaching.length} defect{reaching.length === 1 ? '' : 's'} reach it
        </a>
        {byLevel.map(([level, count]) => (
          <span key={level} className="summary-level">
            {' '}
            {count} <LevelBadge level={level} />
          </span>
        ))}
        {stopped ? <span className="muted"> · {stopped} mitigated or stopped</span> : null}
      </span>
      {props.licenceProblems !== undefined ? (
        <a href="#licence">
          Licence
          {props.licenceProblems ? (
            <span className="licence-flag">
              {' '}
              · {props.licenceProblems} problem{props.licenceProblems === 1 ? '' : 's'}
            </span>
          ) : null}
        </a>
      ) : null}
      <a href="#downstream">
        {more(props.downstreamTruncated)}
        {formatCount(props.downstream)} downstream
      </a>
      {props.timelines ? <a href="#timelines">Timelines</a> : null}
    </nav>
  );
}
