'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { clientGql } from '../../lib/client-api';
import { formatCount } from '../../lib/format';
import { nodeHref } from '../../lib/links';
import { KindBadge } from '../Badges';

interface Details {
  id: string;
  name: string;
  kind: string;
  sources: string[];
  verified: boolean;
  releasedAt: string | null;
  license?: string | null;
  access?: string | null;
  parameters?: number | null;
  monthlyActiveUsers?: number | null;
  provider?: { id: string; name: string } | null;
  operator?: { id: string; name: string } | null;
  parents?: { type: string }[];
  children?: { totalCount: number };
}

/** Details of the selected node, and what can be done from it. */
export function NodePanel({
  id,
  onExpand,
  onFocus,
}: {
  id: string | undefined;
  onExpand: (id: string, side: 'UPSTREAM' | 'DOWNSTREAM') => void;
  onFocus: (id: string) => void;
}) {
  const [details, setDetails] = useState<Details | null | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!id || id.startsWith('group:')) return;
    const controller = new AbortController();
    setError(undefined);
    clientGql<{ node: Details | null }, 'Panel'>('Panel', { id }, controller.signal)
      .then((data) => setDetails(data.node))
      .catch((e: Error) => e.name !== 'AbortError' && setError(e.message));
    return () => controller.abort();
  }, [id]);

  if (!id) {
    return (
      <section className="panel">
        <h2>Details</h2>
        <p className="muted">Click a node to see its details. Click a grey group to open it.</p>
      </section>
    );
  }
  if (error)
    return (
      <section className="panel error" role="alert">
        Could not load {id}: {error}
      </section>
    );
  if (!details || details.id !== id)
    return (
      <section className="panel" role="status">
        Loading {id}…
      </section>
    );
  const maker = details.provider ?? details.operator;
  return (
    <section className="panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{details.name}</h2>
      <KindBadge kind={details.kind} />
      <dl>
        <dt>Id</dt>
        <dd>{details.id}</dd>
        {maker ? (
          <>
            <dt>{details.operator ? 'Operator' : 'Provider'}</dt>
            <dd>{maker.name}</dd>
          </>
        ) : null}
        {details.license ? (
          <>
            <dt>Licence</dt>
            <dd>{details.license}</dd>
          </>
        ) : null}
        {details.parameters ? (
          <>
            <dt>Parameters</dt>
            <dd>{formatCount(details.parameters)}</dd>
          </>
        ) : null}
        <dt>Parents</dt>
        <dd>{details.parents?.length ?? 0}</dd>
        <dt>Children</dt>
        <dd>{details.children?.totalCount ?? 0}</dd>
        <dt>Sources</dt>
        <dd>
          {details.sources.length} {details.verified ? '' : '(unverified)'}
        </dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => onExpand(id, 'UPSTREAM')}>
          Expand parents
        </button>
        <button type="button" onClick={() => onExpand(id, 'DOWNSTREAM')}>
          Expand children
        </button>
        <button type="button" onClick={() => onFocus(id)}>
          Focus here
        </button>
        <Link href={nodeHref(id)}>Open page</Link>
      </div>
    </section>
  );
}
