'use client';

import { Fragment, useState } from 'react';
import { RELATION_STYLES } from '../../graph/vocabulary';
import { clientGql } from '../../lib/client-api';
import { pathHops, type StoredRelation } from '../../lib/provenance';
import { PathHops } from '../provenance/PathHops';
import type { Hop } from '../../graph/impact-elements';
import { LEVEL_MEANINGS } from './level-meanings';

/**
 * A deployment's witness path, each hop with its relation and the level the defect's rule gives
 * it (inferred hops marked); on request, how each hop was matched (loaded then: the impact's
 * paths cannot carry their provenance within the cost limit).
 */
export function HopsCell({
  path,
  hops: steps = [],
  firstHop,
  asOf,
}: {
  path: { id: string; name: string }[];
  hops?: Hop[];
  firstHop: StoredRelation[];
  /** The day of the impact: a relationship that has ended since still carried the path then. */
  asOf?: string;
}) {
  const [hops, setHops] = useState<StoredRelation[] | 'loading' | 'failed'>();
  const target = path[path.length - 1];
  const names = new Map(path.map((step) => [step.id, step.name]));
  const load = () => {
    if (!target) return;
    setHops('loading');
    clientGql('Hops', {
      id: target.id,
      depth: Math.max(1, path.length - 1),
      ...(asOf ? { asOf } : {}),
    })
      .then((data) =>
        setHops(
          data.lineage.edges.map((edge) => ({ ...edge, from: edge.from.id, to: edge.to.id })),
        ),
      )
      .catch(() => setHops('failed'));
  };
  if (Array.isArray(hops))
    return (
      <PathHops
        hops={pathHops(
          path.map((step) => step.id),
          hops,
          firstHop.filter((relation) => relation.to === path[0]?.id),
        )}
        names={names}
      />
    );
  return (
    <>
      <span className="path-steps">
        {path.map((step, i) => {
          const hop = i > 0 ? steps[i - 1] : undefined;
          return (
            <Fragment key={step.id}>
              {hop ? (
                <span
                  className={`hop-rule${hop.declared ? '' : ' inferred'}`}
                  title={LEVEL_MEANINGS[hop.transmits ?? '']}
                  data-testid="hop-rule"
                >
                  {' '}
                  → {RELATION_STYLES[hop.relation]?.label ?? hop.relation}
                  {hop.declared ? '' : ' (inferred)'},{' '}
                  {hop.transmits?.toLowerCase() ?? 'level not given'} →{' '}
                </span>
              ) : i > 0 ? (
                ' → '
              ) : null}
              <span className="hop-node">{step.name}</span>
            </Fragment>
          );
        })}
      </span>{' '}
      <button type="button" className="link-button" onClick={load} disabled={hops === 'loading'}>
        {hops === 'loading'
          ? 'Loading…'
          : hops === 'failed'
            ? 'Retry: how matched?'
            : 'How matched?'}
      </button>
    </>
  );
}
