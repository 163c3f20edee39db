import Link from 'next/link';
import { LevelBadge, SeverityBadge } from '../Badges';
import { byStrength } from './exposure-order';
import { enumWords } from '../../lib/enum-words';
import { PathHops } from '../provenance/PathHops';
import { windowHolds, windowWords, type WindowPeriod } from '../../lib/exposure-windows';
import { nodeHref } from '../../lib/links';
import { pathHops, type StoredRelation } from '../../lib/provenance';

export interface ExposureRowData {
  level: string;
  mitigated: boolean;
  /** This node's triage for the defect, when someone made one. */
  triage?: { state: string; justification?: string | null } | null;
  /** Mitigating nodes upstream that stop the defect; then level and path are what it would be. */
  stoppedBy: { id: string; name: string }[];
  defect: { id: string; name: string; severity: string };
  path: { id: string; name: string }[];
  /** The periods the defect reached the node (the most recent ones), whatever the day asked. */
  windows: (WindowPeriod & { level: string; mitigated: boolean })[];
}

/**
 * Every defect reaching a node on the day asked: its level, the periods over which it reached
 * the node (the one holding that day marked, in words), and its path hop by hop.
 */
export function ExposureTable({
  rows,
  day,
  dayWords,
  relations,
  affects,
  limit,
  showAllHref,
}: {
  rows: ExposureRowData[];
  /** Rows shown before a "show all" link (every row when left out). */
  limit?: number;
  showAllHref?: string;
  /** The day asked (a day number) and how to say it ("today", "on 2024-01-01"). */
  day: number;
  dayWords: string;
  /** The node's upstream lineage, for each hop's relationship. */
  relations: StoredRelation[];
  /** Each defect's AFFECTS relationships: the first hop. */
  affects: Map<string, StoredRelation[]>;
}) {
  if (rows.length === 0)
    return <p className="muted">No known defect reaches this node {dayWords}.</p>;
  const names = new Map<string, string>();
  for (const row of rows) for (const step of row.path) names.set(step.id, step.name);
  const sorted = [...rows].sort(byStrength);
  const shown = limit === undefined ? sorted : sorted.slice(0, limit);
  return (
    <>
      <table data-testid="exposure-table">
        <thead>
          <tr>
            <th scope="col">Defect</th>
            <th scope="col">Level</th>
            <th scope="col">Exposed</th>
            <th scope="col">Path</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr
              key={row.defect.id}
              data-defect={row.defect.id}
              data-level={row.level}
              data-severity={row.defect.severity}
              data-stopped={row.stoppedBy.length > 0}
            >
              <td>
                <Link href={nodeHref(row.defect.id)}>{row.defect.name}</Link>{' '}
                <SeverityBadge severity={row.defect.severity} />
              </td>
              <td>
                {row.stoppedBy.length ? (
                  <span className="stopped">Stopped upstream</span>
                ) : (
                  <LevelBadge level={row.level} mitigated={row.mitigated} />
                )}
                {row.triage ? (
                  <div className="small" data-triage={row.triage.state}>
                    triaged {enumWords(row.triage.state)}
                    {row.triage.justification ? ` (${enumWords(row.triage.justification)})` : ''}
                  </div>
                ) : null}
              </td>
              <td>
                {row.stoppedBy.length ? (
                  <p className="small">
                    Stopped upstream by{' '}
                    {row.stoppedBy.map((node, i) => (
                      <span key={node.id}>
                        {i ? ', ' : ''}
                        <Link href={nodeHref(node.id)}>{node.name}</Link>
                      </span>
                    ))}
                    : it would otherwise reach this node <LevelBadge level={row.level} />.
                  </p>
                ) : null}
                <ul className="windows">
                  {row.windows.map((window) => {
                    const holds = windowHolds(window, day);
                    return (
                      <li
                        key={`${window.from}-${window.to}-${window.level}-${window.mitigated}`}
                        data-holds={holds}
                      >
                        {windowWords(window)}
                        {window.level !== row.level || window.mitigated !== row.mitigated ? (
                          <>
                            {' '}
                            <LevelBadge level={window.level} mitigated={window.mitigated} />
                          </>
                        ) : null}
                        {holds ? (
                          <strong className="window-holds"> (holds {dayWords})</strong>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </td>
              <td className="path">
                <PathHops
                  hops={pathHops(
                    row.path.map((step) => step.id),
                    relations,
                    affects
                      .get(row.defect.id)
                      ?.filter((relation) => relation.to === row.path[0]?.id),
                  )}
                  names={names}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < sorted.length && showAllHref ? (
        <p>
          <Link href={showAllHref} className="show-all">
            Show all {sorted.length} defects ({sorted.length - shown.length} more, weaker or
            stopped)
          </Link>
        </p>
      ) : null}
    </>
  );
}
