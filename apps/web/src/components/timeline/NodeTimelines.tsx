import Link from 'next/link';
import { nodeHref } from '../../lib/links';
import type { Life } from '../../lib/timeline';
import { PeriodTimeline, type TimelineRelation } from './PeriodTimeline';

/** What a deployment ran: the models it deploys and the platforms it is built on. */
const RAN = new Set(['DEPLOYS', 'BUILT_ON']);

export interface TimelineNode extends Life {
  kind: string;
  name: string;
  parents: TimelineRelation[];
  /** For a model family: its dated snapshots, whether or not its name ever pointed to them. */
  snapshots?: { id: string; name: string; releasedAt?: string | null }[];
}

/**
 * The node page's timelines: for a deployment, which models it ran over which period; for a
 * model family, which snapshot its name pointed to when. Nothing for other nodes.
 */
export function NodeTimelines({
  node,
  asOf,
  asOfLabel,
  today,
}: {
  node: TimelineNode;
  asOf: number;
  asOfLabel: string;
  today: number;
}) {
  const days = { asOf, asOfLabel, today };
  const life = { releasedAt: node.releasedAt, retiredAt: node.retiredAt };
  if (node.kind === 'Deployment') {
    const ran = node.parents.filter((relation) => RAN.has(relation.type));
    return (
      <section className="panel" aria-labelledby="model-timeline" data-testid="model-timeline">
        <h2 id="model-timeline">Model timeline: what it ran, and when</h2>
        {ran.length ? (
          <PeriodTimeline
            relations={ran}
            life={life}
            subject="Model"
            caption={`The models and platforms ${node.name} ran. "Until" is the first day it no longer ran one; a period with no date recorded counts as holding throughout.`}
            {...days}
          />
        ) : (
          <p className="muted">No model recorded for this deployment.</p>
        )}
      </section>
    );
  }
  const pointsTo = node.parents.filter((relation) => relation.type === 'POINTS_TO');
  const snapshots = node.snapshots ?? [];
  if (!pointsTo.length && !snapshots.length) return null;
  const served = new Set(pointsTo.map((relation) => relation.to.id));
  const neverServed = snapshots.filter((snapshot) => !served.has(snapshot.id));
  return (
    <section className="panel" aria-labelledby="snapshots" data-testid="snapshot-timeline">
      <h2 id="snapshots">Snapshots: what the name {node.name} pointed to, and when</h2>
      {pointsTo.length ? (
        <PeriodTimeline
          relations={pointsTo}
          life={life}
          subject="Snapshot"
          caption={`A defect measured on a snapshot reaches what uses the name ${node.name} only while the name pointed to it. "Until" is the first day it no longer did.`}
          {...days}
        />
      ) : (
        <p className="muted">No record of which snapshot the name pointed to.</p>
      )}
      {neverServed.length ? (
        <>
          <h3>Other snapshots of this family</h3>
          <ul>
            {neverServed.map((snapshot) => (
              <li key={snapshot.id}>
                <Link href={nodeHref(snapshot.id)}>{snapshot.name}</Link>
                {snapshot.releasedAt ? ` (released ${snapshot.releasedAt})` : ''}: the name is not
                recorded as ever pointing to it
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
