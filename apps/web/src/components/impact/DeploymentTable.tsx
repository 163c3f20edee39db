'use client';

import '../../lib/zod-without-eval';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { toCsv, type Column } from '@lineage/domain';
import { download } from '../../lib/download';
import { nodeHref } from '../../lib/links';
import { LEVEL_ORDER } from '../../graph/vocabulary';
import { LevelBadge } from '../Badges';
import type { StoredRelation } from '../../lib/provenance';
import type { DeploymentRow } from './impact-data';
import { HopsCell } from './HopsCell';

type SortKey = 'name' | 'level' | 'distance';

const COLUMNS: Column<DeploymentRow>[] = [
  { header: 'provider', value: (r) => r.provider },
  { header: 'deployment', value: (r) => r.id },
  { header: 'name', value: (r) => r.name },
  { header: 'level', value: (r) => r.level },
  { header: 'distance', value: (r) => r.distance },
  { header: 'path', value: (r) => r.path.map((step) => step.id).join(' > ') },
];

const levelRank = (level: string) => LEVEL_ORDER.indexOf(level as (typeof LEVEL_ORDER)[number]);

/** Exposed deployments grouped by the provider operating them; sortable, filterable, exportable. */
export function DeploymentTable({
  rows,
  asOf,
  fileName,
  onHover,
  foundIn = [],
}: {
  rows: DeploymentRow[];
  /** The day of the impact: a path's hops are read from the lineage as it stood then. */
  asOf?: string;
  fileName: string;
  onHover: (path: string[] | undefined) => void;
  /** The defect's AFFECTS relationships: the first hop of every path. */
  foundIn?: StoredRelation[];
}) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'level',
    ascending: true,
  });
  const [text, setText] = useState('');
  const [minLevel, setMinLevel] = useState('POSSIBLE');

  const visible = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const compare = (a: DeploymentRow, b: DeploymentRow) => {
      const order =
        sort.key === 'name'
          ? a.name.localeCompare(b.name)
          : sort.key === 'level'
            ? levelRank(a.level) - levelRank(b.level) || a.distance - b.distance
            : a.distance - b.distance || levelRank(a.level) - levelRank(b.level);
      return sort.ascending ? order : -order;
    };
    return rows
      .filter((row) => levelRank(row.level) <= levelRank(minLevel))
      .filter(
        (row) => !needle || `${row.name} ${row.id} ${row.provider}`.toLowerCase().includes(needle),
      )
      .sort((a, b) => a.provider.localeCompare(b.provider) || compare(a, b));
  }, [rows, text, minLevel, sort]);

  const groups = useMemo(() => {
    const byProvider = new Map<string, DeploymentRow[]>();
    for (const row of visible)
      byProvider.set(row.provider, [...(byProvider.get(row.provider) ?? []), row]);
    return [...byProvider.entries()];
  }, [visible]);

  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        onClick={() => setSort({ key, ascending: sort.key === key ? !sort.ascending : true })}
      >
        {label} {sort.key === key ? (sort.ascending ? '▲' : '▼') : ''}
      </button>
    </th>
  );

  return (
    <section className="panel" aria-labelledby="deployments-title">
      <h2 id="deployments-title">Exposed deployments ({visible.length})</h2>
      <div className="toolbar">
        <label>
          Filter{' '}
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="name or provider"
          />
        </label>
        <label>
          At least{' '}
          <select value={minLevel} onChange={(e) => setMinLevel(e.target.value)}>
            {LEVEL_ORDER.filter((level) => level !== 'CONFIRMED').map((level) => (
              <option key={level} value={level}>
                {level.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => download(`${fileName}.csv`, toCsv(visible, COLUMNS), 'text/csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              `${fileName}.json`,
              JSON.stringify(
                visible.map((r) => ({ ...r, path: r.path.map((step) => step.id) })),
                null,
                2,
              ),
              'application/json',
            )
          }
        >
          Export JSON
        </button>
      </div>
      {visible.length === 0 ? (
        <p className="muted">No exposed deployment matches.</p>
      ) : (
        <table data-testid="deployments-table">
          <thead>
            <tr>
              {header('name', 'Deployment')}
              {header('level', 'Level')}
              {header('distance', 'Distance')}
              <th scope="col">Path</th>
            </tr>
          </thead>
          {groups.map(([provider, members]) => (
            <tbody key={provider}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={4}>
                  {provider} ({members.length})
                </th>
              </tr>
              {members.map((row) => (
                <tr
                  key={row.id}
                  data-deployment={row.id}
                  tabIndex={0}
                  onMouseEnter={() => onHover(row.path.map((step) => step.id))}
                  onMouseLeave={() => onHover(undefined)}
                  onFocus={() => onHover(row.path.map((step) => step.id))}
                  onBlur={() => onHover(undefined)}
                >
                  <td>
                    <Link href={nodeHref(row.id)}>{row.name}</Link>
                  </td>
                  <td>
                    <LevelBadge level={row.level} />
                  </td>
                  <td>{row.distance}</td>
                  <td className="path">
                    <HopsCell path={row.path} firstHop={foundIn} asOf={asOf} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
