'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { PanelQuery } from '../../generated/graphql';
import { clientGql } from '../../lib/client-api';
import { originWords } from '../../lib/provenance';
import { kindField } from '../../lib/kind-fields';
import { formatCount } from '../../lib/format';
import { nodeHref } from '../../lib/links';
import { KindBadge } from '../Badges';

/** The selected node as the Panel operation answers it (one shape per kind). */
type Details = NonNullable<PanelQuery['node']>;

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
    clientGql('Panel', { id }, controller.signal)
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
  const operator = kindField(details, 'operator');
  const maker = kindField(details, 'provider') ?? operator;
  const license = kindField(details, 'license');
  const parameters = kindField(details, 'parameters');
  return (
    <section className="panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{details.name}</h2>
      <KindBadge kind={details.kind} />
      <dl>
        <dt>Id</dt>
        <dd>{details.id}</dd>
        {maker ? (
          <>
            <dt>{operator ? 'Operator' : 'Provider'}</dt>
            <dd>{maker.name}</dd>
          </>
        ) : null}
        {license ? (
          <>
            <dt>Licence</dt>
            <dd>{license}</dd>
          </>
        ) : null}
        {parameters ? (
          <>
            <dt>Parameters</dt>
            <dd>{formatCount(parameters)}</dd>
          </>
        ) : null}
        <dt>Parents</dt>
        <dd>{kindField(details, 'parents')?.length ?? 0}</dd>
        <dt>Children</dt>
        <dd>{kindField(details, 'children')?.totalCount ?? 0}</dd>
        <dt>Origin</dt>
        <dd>{originWords(details.provenance?.origin)}</dd>
        {details.provenance?.record ? (
          <>
            <dt>Record</dt>
            <dd>
              <code>{details.provenance.record}</code>
            </dd>
          </>
        ) : null}
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
