'use client';

import { useState } from 'react';
import { clientGql } from '../../lib/client-api';
import { pathHops, type StoredRelation } from '../../lib/provenance';
import { PathHops } from '../provenance/PathHops';

/**
 * A deployment's witness path as names; on request, hop by hop with how each hop was matched
 * (loaded then: the impact's 500 paths cannot carry their relationships within the cost limit).
 */
export function HopsCell({
  path,
  firstHop,
  asOf,
}: {
  path: { id: string; name: string }[];
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
      {path.map((step) => step.name).join(' → ')}{' '}
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
