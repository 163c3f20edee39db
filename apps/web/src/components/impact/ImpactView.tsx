'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import {
  CONTEXT_BUDGET,
  impactGraph,
  maxDistance,
  PER_HOP_BUDGET,
} from '../../graph/impact-elements';
import { nodeHref } from '../../lib/links';
import { Legend } from '../Legend';
import { DeploymentTable } from './DeploymentTable';
import type { StoredRelation } from '../../lib/provenance';
import type { ImpactData } from './impact-data';
import { ImpactGraph } from './ImpactGraph';
import { ImpactSummary } from './ImpactSummary';
import { ExposedList } from './ExposedList';
import { drillFocus, type Drill } from './drill';
import { PATH_RULE } from './level-meanings';

/**
 * The impact of one defect (or hypothesis): the aggregate first, then the graph kept in view
 * beside the tables, so a hovered row's path lights up where one can see it.
 */
export function ImpactView({
  data,
  fileName,
  foundIn,
  defect,
}: {
  data: ImpactData;
  fileName: string;
  /** A filed defect's AFFECTS relationships, with how each origin was matched. */
  foundIn?: StoredRelation[];
  /** A filed defect (not a what-if): its complete list is paged from the API. */
  defect?: { id: string; disclosedOnly: boolean };
}) {
  const router = useRouter();
  const elements = useMemo(
    () =>
      impactGraph({
        rows: data.rows,
        deployments: data.deployments,
        byDistance: data.totals.byDistance,
      }),
    [data],
  );
  const furthest = useMemo(
    () => maxDistance(elements.filter((e) => e.group === 'nodes').map((e) => e.data as never)),
    [elements],
  );
  const [hop, setHop] = useState(furthest);
  const [highlight, setHighlight] = useState<string[]>();
  const [drill, setDrill] = useState<Drill>();
  const onSelect = useCallback((id: string) => router.push(nodeHref(id)), [router]);
  const onDrillHop = useCallback((distance: number) => {
    setDrill({ by: 'distance', key: String(distance) });
  }, []);
  const operatorsOf = useMemo(
    () => new Map(data.deployments.map((row) => [row.id, row.provider])),
    [data.deployments],
  );
  const focus = useMemo(
    () => drillFocus(elements, drill, operatorsOf),
    [elements, drill, operatorsOf],
  );
  const clampedHop = Math.min(hop, furthest);
  // The graph's last column may count several hops at once ("+220 more at hops 4–9").
  const reach = Math.max(0, ...data.totals.byDistance.map((count) => Number(count.key)));
  const drawn = elements.filter((e) => e.group === 'nodes' && !e.data.more).length;

  return (
    <>
      <ImpactSummary data={data} drill={drill} onDrill={setDrill} />
      <div className="impact-split">
        <div className="impact-graph-col">
          <div className="toolbar stepper">
            <label htmlFor="hop">
              Hop <strong data-testid="hop-value">{clampedHop}</strong> of {furthest}
              {reach > furthest ? ` drawn (the impact reaches hop ${reach})` : ''}
            </label>
            <input
              id="hop"
              type="range"
              min={0}
              max={furthest}
              value={clampedHop}
              onChange={(event) => setHop(Number(event.target.value))}
            />
            <button
              type="button"
              aria-label="Previous hop"
              title="Previous hop"
              onClick={() => setHop(Math.max(0, clampedHop - 1))}
              disabled={clampedHop === 0}
            >
              ◀
            </button>
            <button
              type="button"
              aria-label="Next hop"
              title="Next hop"
              onClick={() => setHop(Math.min(furthest, clampedHop + 1))}
              disabled={clampedHop === furthest}
            >
              ▶
            </button>
            <Legend show="impact" />
            <details className="impact-about">
              <summary>What the graph draws</summary>
              <p className="impact-note">
                {drawn < data.totals.exposed + data.totals.mitigated
                  ? `Drawn: every deployment's path and the nearest, strongest others (${drawn} nodes, up to ${CONTEXT_BUDGET} beyond the paths, ${PER_HOP_BUDGET} per hop); a dashed box counts the rest of its hop. `
                  : ''}
                {PATH_RULE} Hover a row to light its path; click a node to open it.
              </p>
            </details>
          </div>
          <ImpactGraph
            elements={elements}
            hop={clampedHop}
            highlight={highlight}
            focus={focus}
            onSelect={onSelect}
            onDrillHop={onDrillHop}
            label={`Impact graph, left to right by hop: every exposed deployment and its path, and ${drawn} of ${data.totals.exposed} exposed nodes in all; the tables list them.`}
          />
        </div>
        <div className="impact-tables-col">
          <DeploymentTable
            rows={data.deployments}
            asOf={data.asOf}
            fileName={fileName}
            onHover={setHighlight}
            foundIn={foundIn}
            drill={drill}
            showTriage={data.triage !== undefined}
          />
          {defect ? (
            <ExposedList
              defectId={defect.id}
              asOf={data.asOf}
              disclosedOnly={defect.disclosedOnly}
              drill={drill}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
