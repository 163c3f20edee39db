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
import { deploymentInDrill, type Drill } from './drill';
import { LEVEL_MEANINGS } from './level-meanings';
import { enumWords } from '../../lib/enum-words';

type SortKey = 'name' | 'level' | 'distance' | 'provider';

const COLUMNS: Column<DeploymentRow>[] = [
  { header: 'provider', value: (r) => r.provider },
  { header: 'deployment', value: (r) => r.id },
  { header: 'name', value: (r) => r.name },
  { header: 'level', value: (r) => r.level },
  { header: 'distance', value: (r) => r.distance },
  { header: 'path', value: (r) => r.path.map((step) => step.id).join(' > ') },
  // Last, so the columns before it keep their places for scripts that read the file.
  { header: 'triage', value: (r) => r.triage ?? '' },
];

const levelRank = (level: string) => LEVEL_ORDER.indexOf(level as (typeof LEVEL_ORDER)[number]);

/** Every exposed deployment in one flat table: sortable by any column, filterable, exportable. */
export function DeploymentTable({
  rows,
  asOf,
  fileName,
  onHover,
  foundIn = [],
  drill,
  showTriage = false,
}: {
  rows: DeploymentRow[];
  /** The day of the impact: a path's hops are read from the lineage as it stood then. */
  asOf?: string;
  fileName: string;
  onHover: (path: string[] | undefined) => void;
  /** The defect's AFFECTS relationships: the first hop of every path. */
  foundIn?: StoredRelation[];
  /** The aggregate's group drilled into, if any. */
  drill?: Drill;
  /** A filed defect's: each deployment's triage state (a what-if has none). */
  showTriage?: boolean;
}) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'level',
    ascending: true,
  });
  const [text, setText] = useState('');
  const [minLevel, setMinLevel] = useState('POSSIBLE');

  const visible = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const byName = (a: DeploymentRow, b: DeploymentRow) =>
      a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    const compare = (a: DeploymentRow, b: DeploymentRow) => {
      const order =
        sort.key === 'name'
          ? byName(a, b)
          : sort.key === 'provider'
            ? a.provider.localeCompare(b.provider) || byName(a, b)
            : sort.key === 'level'
              ? levelRank(a.level) - levelRank(b.level) || a.distance - b.distance || byName(a, b)
              : a.distance - b.distance || levelRank(a.level) - levelRank(b.level) || byName(a, b);
      return sort.ascending ? order : -order;
    };
    return rows
      .filter((row) => deploymentInDrill(row, drill))
      .filter((row) => levelRank(row.level) <= levelRank(minLevel))
      .filter(
        (row) => !needle || `${row.name} ${row.id} ${row.provider}`.toLowerCase().includes(needle),
      )
      .sort(compare);
  }, [rows, text, minLevel, sort, drill]);

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
        <p className="muted">No exposed deployment {drill ? 'in this group' : 'matches'}.</p>
      ) : (
        <table data-testid="deployments-table" className="impact-table">
          <thead>
            <tr>
              {header('name', 'Deployment')}
              {header('level', 'Level')}
              {showTriage ? <th scope="col">Triage</th> : null}
              {header('distance', 'Distance')}
              {header('provider', 'Operator')}
              <th scope="col">Path, hop by hop</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
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
                <td title={LEVEL_MEANINGS[row.level]}>
                  <LevelBadge level={row.level} />
                </td>
                {showTriage ? (
                  <td data-triage={row.triage ?? 'UNTRIAGED'}>
                    {row.triage ? enumWords(row.triage) : <span className="muted">untriaged</span>}
                  </td>
                ) : null}
                <td>{row.distance}</td>
                <td>{row.provider}</td>
                <td className="path">
                  <HopsCell path={row.path} hops={row.hops} firstHop={foundIn} asOf={asOf} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
