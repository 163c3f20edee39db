'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { maxDistance } from '../../graph/impact-elements';
import { nodeHref } from '../../lib/links';
import { LevelBadge } from '../Badges';
import { Legend } from '../Legend';
import { DeploymentTable } from './DeploymentTable';
import type { StoredRelation } from '../../lib/provenance';
import type { ImpactData } from './impact-data';
import { ImpactGraph } from './ImpactGraph';

/** The impact of one defect (or hypothesis): totals, the graph with its stepper, the table. */
export function ImpactView({
  data,
  fileName,
  foundIn,
}: {
  data: ImpactData;
  fileName: string;
  /** A filed defect's AFFECTS relationships, with how each origin was matched. */
  foundIn?: StoredRelation[];
}) {
  const router = useRouter();
  const furthest = useMemo(() => maxDistance(data.rows), [data.rows]);
  const [hop, setHop] = useState(furthest);
  const [highlight, setHighlight] = useState<string[]>();
  const onSelect = useCallback((id: string) => router.push(nodeHref(id)), [router]);
  const clampedHop = Math.min(hop, furthest);

  return (
    <>
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
          {data.totals.byLevel
            .filter((row) => row.count > 0)
            .map((row) => (
              <li key={row.level}>
                <strong>{row.count}</strong> <LevelBadge level={row.level} />
              </li>
            ))}
        </ul>
        {data.shown < data.totals.exposed ? (
          <p className="muted">
            The graph shows the {data.shown} strongest and nearest of {data.totals.exposed} exposed
            nodes.
          </p>
        ) : null}
      </section>
      <div className="graph-view">
        <div>
          <div className="toolbar stepper">
            <label htmlFor="hop">
              Propagation: hop <strong data-testid="hop-value">{clampedHop}</strong> of {furthest}
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
              onClick={() => setHop(Math.max(0, clampedHop - 1))}
              disabled={clampedHop === 0}
            >
              Previous hop
            </button>
            <button
              type="button"
              onClick={() => setHop(Math.min(furthest, clampedHop + 1))}
              disabled={clampedHop === furthest}
            >
              Next hop
            </button>
          </div>
          <ImpactGraph
            rows={data.rows}
            hop={clampedHop}
            highlight={highlight}
            onSelect={onSelect}
          />
        </div>
        <aside className="side" aria-label="Legend">
          <Legend show="impact" />
          <p className="muted small">
            Hover a deployment in the table to see the path the defect takes to it. Click a node to
            open it.
          </p>
        </aside>
      </div>
      <DeploymentTable
        rows={data.deployments}
        asOf={data.asOf}
        fileName={fileName}
        onHover={setHighlight}
        foundIn={foundIn}
      />
    </>
  );
}
