'use client';

import { KIND_STYLES, RELATION_STYLES } from '../../graph/vocabulary';
import { LevelBadge } from '../Badges';
import { DRILL_TITLES, type Drill } from './drill';
import type { Count, ImpactData } from './impact-data';

const nameOf = (by: Drill['by'], key: string) =>
  by === 'distance'
    ? key === '0'
      ? 'origin (hop 0)'
      : `hop ${key}`
    : by === 'relation'
      ? (RELATION_STYLES[key]?.label ?? key)
      : by === 'kind'
        ? (KIND_STYLES[key]?.label ?? key)
        : key;

/**
 * The whole impact in counts, before any graph: by hop, by the relation that carried the defect
 * the last step, by kind and by operator. Each count is a button that drills the graph and the
 * tables down to its group.
 */
export function ImpactSummary({
  data,
  drill,
  onDrill,
}: {
  data: ImpactData;
  drill: Drill | undefined;
  onDrill: (drill: Drill | undefined) => void;
}) {
  const groups: [Drill['by'], Count[]][] = [
    ['distance', data.totals.byDistance],
    ['relation', data.totals.byRelation],
    ['kind', data.totals.byKind],
    ['operator', data.totals.byOperator],
  ];
  return (
    <section className="panel" aria-labelledby="totals-title">
      <h2 id="totals-title">Exposure</h2>
      <ul className="stats">
        <li>
          <strong data-testid="exposed-total">{data.totals.exposed}</strong> nodes exposed
        </li>
        <li>
          <strong data-testid="deployments-total">{data.totals.deployments}</strong> deployments
        </li>
        <li>
          <strong>{data.totals.mitigated}</strong> mitigated
        </li>
        {data.triage ? (
          <li>
            <strong data-testid="untriaged-total">{data.triage.untriaged}</strong> of{' '}
            {data.triage.exposedDeployments} exposed deployments untriaged
          </li>
        ) : null}
        {data.totals.byLevel
          .filter((row) => row.count > 0)
          .map((row) => (
            <li key={row.level}>
              <strong>{row.count}</strong> <LevelBadge level={row.level} />
            </li>
          ))}
      </ul>
      <p className="muted small">
        Counts over the whole impact. Click a group to show only it in the graph and the tables.
      </p>
      <div className="impact-aggregate" data-testid="impact-aggregate">
        {groups.map(([by, counts]) => (
          <div key={by} role="group" aria-labelledby={`agg-${by}`}>
            <h3 id={`agg-${by}`}>{DRILL_TITLES[by]}</h3>
            {counts.length === 0 ? <p className="muted small">none</p> : null}
            <ul>
              {counts.map(({ key, count }) => {
                const pressed = drill?.by === by && drill.key === key;
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className="agg-chip"
                      aria-pressed={pressed}
                      data-drill={`${by}:${key}`}
                      onClick={() => onDrill(pressed ? undefined : { by, key })}
                    >
                      <span>{nameOf(by, key)}</span>{' '}
                      <strong>{count.toLocaleString('en-US')}</strong>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      {drill ? (
        <p role="status" className="drill-status">
          Showing {DRILL_TITLES[drill.by].toLowerCase()}:{' '}
          <strong>{nameOf(drill.by, drill.key)}</strong>{' '}
          <button type="button" onClick={() => onDrill(undefined)}>
            Show everything
          </button>
        </p>
      ) : null}
    </section>
  );
}
