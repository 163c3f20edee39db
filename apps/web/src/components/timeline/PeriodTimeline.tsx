import Link from 'next/link';
import { nodeHref } from '../../lib/links';
import { upstreamWords, type ProvenanceFields } from '../../lib/provenance';
import {
  buildTimeline,
  percentOf,
  periodWords,
  type Life,
  type PeriodStatus,
  type TimelineEntry,
  type TimelineScale,
} from '../../lib/timeline';
import { KindBadge } from '../Badges';
import { RelationBadge } from '../provenance/RelationBadge';

/** A dated lineage relationship from the page's node to what it ran or pointed to. */
export interface TimelineRelation {
  type: string;
  declared: boolean;
  validFrom?: string | null;
  validTo?: string | null;
  sources: string[];
  provenance?: ProvenanceFields | null;
  to: { id: string; name: string; kind: string };
}

const STATUS_WORDS: Record<PeriodStatus, (relation: TimelineRelation) => string> = {
  current: () => 'current',
  ended: (relation) => `ended ${relation.validTo}`,
  upcoming: (relation) => `starts ${relation.validFrom}`,
  undated: () => 'undated',
};

/**
 * Which node a relationship led to over which period: a bar chart for the eye and, for
 * everyone (the chart is hidden from assistive technology), a table saying the same in words.
 */
export function PeriodTimeline({
  relations,
  life,
  asOf,
  asOfLabel,
  today,
  subject,
  caption,
}: {
  relations: TimelineRelation[];
  life: Life;
  /** The day statuses are read on and how to say it ("today"), and the present (day numbers). */
  asOf: number;
  asOfLabel: string;
  today: number;
  /** What a row is: "Model", "Snapshot". */
  subject: string;
  caption: string;
}) {
  const { entries, scale } = buildTimeline(relations, life, { asOf, today }, (r) => r.to.name);
  return (
    <>
      <TimelineChart entries={entries} scale={scale} asOfLabel={asOfLabel} />
      <table className="timeline-table" data-testid="timeline-table">
        <caption className="muted small">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{subject}</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Status {asOfLabel}</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(({ item: relation, status }) => (
            <tr
              key={`${relation.type}-${relation.to.id}`}
              data-model={relation.to.id}
              data-status={status}
            >
              <td>
                <span className="relation">{upstreamWords(relation.type)}</span>{' '}
                <Link href={nodeHref(relation.to.id)}>{relation.to.name}</Link>{' '}
                <KindBadge kind={relation.to.kind} /> <RelationBadge relation={relation} />
              </td>
              <td>{relation.validFrom ?? <span className="muted">not recorded</span>}</td>
              <td>
                {relation.validTo ?? (
                  <span className="muted">
                    {status === 'undated' ? 'not recorded' : 'still runs'}
                  </span>
                )}
              </td>
              <td>
                <span className={`period-status period-${status}`}>
                  {STATUS_WORDS[status](relation)}
                </span>
                {status === 'undated' ? (
                  <span className="muted small"> (no period recorded: counted as always)</span>
                ) : null}
              </td>
              <td>
                {relation.sources.length ? (
                  <ul className="timeline-sources">
                    {relation.sources.map((source) => (
                      <li key={source}>
                        <a href={source} rel="noreferrer noopener">
                          {hostOf(source)}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">none recorded</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function TimelineChart({
  entries,
  scale,
  asOfLabel,
}: {
  entries: TimelineEntry<TimelineRelation>[];
  scale: TimelineScale;
  asOfLabel: string;
}) {
  const asOfAt = `${percentOf(scale, scale.asOf)}%`;
  return (
    <div className="timeline" aria-hidden="true" data-testid="timeline-chart">
      <div className="timeline-row timeline-axis">
        <span />
        <div className="timeline-track">
          {scale.ticks.map((tick) => (
            <span
              key={tick.label}
              className="timeline-tick"
              style={{ left: `${percentOf(scale, tick.day)}%` }}
            >
              {tick.label}
            </span>
          ))}
        </div>
      </div>
      {entries.map(({ item, status, barStart, barEnd, openStart, openEnd }) => {
        const left = percentOf(scale, barStart);
        const width = Math.max(0.5, percentOf(scale, barEnd) - left);
        const classes = ['timeline-bar', `period-${status}`];
        if (openStart) classes.push('open-start');
        if (openEnd) classes.push('open-end');
        return (
          <div key={`${item.type}-${item.to.id}`} className="timeline-row" data-model={item.to.id}>
            <span className="timeline-label">{item.to.name}</span>
            <div className="timeline-track">
              <span className="timeline-as-of" style={{ left: asOfAt }} />
              <span
                className={classes.join(' ')}
                style={{ left: `${left}%`, width: `${width}%` }}
                title={`${item.to.name}: ${periodWords(item)}`}
              />
            </div>
          </div>
        );
      })}
      <div className="timeline-row">
        <span />
        <div className="timeline-track timeline-legend">
          <span className="timeline-as-of-label" style={{ left: asOfAt }}>
            {asOfLabel}
          </span>
        </div>
      </div>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
