'use client';

import '../../lib/zod-without-eval';
import { DEFECT_CATEGORIES, LINEAGE_KINDS, SEVERITIES } from '@lineage/domain';
import { useEffect, useState } from 'react';
import { clientGql } from '../../lib/client-api';
import { SearchBox } from '../SearchBox';
import { MAX_ASSUMED, type BrowserVariables } from '../../lib/operations';
import { AssumedMitigations, type Picked } from './AssumedMitigations';
import { toImpactData, type ImpactData } from './impact-data';
import { ImpactView } from './ImpactView';

/**
 * Pick a node, a category, a severity, a day and nodes assumed to mitigate it: the impact
 * updates as they change; nothing is saved. The URL follows, so a link shows the same
 * hypothesis on the same day.
 */
export function WhatIf(props: {
  node?: { id: string; name: string };
  category: string;
  severity: string;
  /** The day asked for, and today's date: a day other than today goes into the URL. */
  asOf: string;
  today: string;
  /** Nodes assumed to mitigate the defect (from the URL's `assume`). */
  assumed: Picked[];
}) {
  const [node, setNode] = useState(props.node);
  const [assumed, setAssumed] = useState(props.assumed);
  const [category, setCategory] = useState(props.category);
  const [severity, setSeverity] = useState(props.severity);
  const [asOf, setAsOf] = useState(props.asOf);
  const [result, setResult] = useState<ImpactData>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!node) return;
    const search = new URLSearchParams({ node: node.id, category, severity });
    if (asOf !== props.today) search.set('asOf', asOf);
    if (assumed.length) search.set('assume', assumed.map((picked) => picked.id).join(','));
    window.history.replaceState(null, '', `/what-if?${search}`);
    const controller = new AbortController();
    setLoading(true);
    const variables = {
      node: node.id,
      category: category as BrowserVariables<'WhatIf'>['category'],
      severity: severity as BrowserVariables<'WhatIf'>['severity'],
      asOf,
      assume: assumed.map((picked) => picked.id),
    };
    Promise.all([
      clientGql('WhatIf', variables, controller.signal),
      clientGql('WhatIfDeployments', variables, controller.signal),
    ])
      .then(([data, paths]) => {
        setResult(toImpactData(data.whatIf, paths.whatIf));
        setError(undefined);
      })
      .catch((e: Error) => e.name !== 'AbortError' && setError(e.message))
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [node, category, severity, asOf, assumed, props.today]);

  return (
    <>
      <section className="panel" aria-labelledby="whatif-form">
        <h2 id="whatif-form">Hypothetical defect</h2>
        <div className="form-row">
          <SearchBox
            label="Found in"
            kinds={[...LINEAGE_KINDS]}
            initialText={props.node?.name ?? ''}
            onPick={(hit) => setNode({ id: hit.id, name: hit.name })}
          />
          <label>
            Category
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              {DEFECT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c.toLowerCase().replace('_', ' ')}
                </option>
              ))}
            </select>
          </label>
          <label>
            Severity
            <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <label>
            As of
            <input
              type="date"
              name="asOf"
              value={asOf}
              required
              onChange={(e) => setAsOf(e.target.value || props.today)}
            />
          </label>
        </div>
        <AssumedMitigations
          picked={assumed}
          max={MAX_ASSUMED}
          onChange={setAssumed}
          origin={node?.id}
        />
        <p className="muted small" data-testid="severity-note">
          The severity ranks the defect; it does not change which nodes it reaches or at what level.
          Levels depend on the category and on the relation of each hop (
          <a href="/glossary#hops">what each relation transmits</a>).
        </p>
        <p role="status" data-testid="whatif-status">
          {node ? (
            <>
              A {severity.toLowerCase()} {category.toLowerCase().replace('_', ' ')} defect in{' '}
              <strong>{node.name}</strong>, {asOf === props.today ? 'today' : `on ${asOf}`}
              {assumed.length
                ? `, assuming ${assumed.map((picked) => picked.name).join(', ')} mitigate${assumed.length === 1 ? 's' : ''} it`
                : ''}
              {loading ? ' — computing…' : ''}
            </>
          ) : (
            'Pick the model, dataset or product where the defect would be found.'
          )}
        </p>
        {error ? (
          <p role="alert" className="error-text">
            {error}
          </p>
        ) : null}
      </section>
      {node && result ? (
        <ImpactView data={result} fileName={`what-if-${node.id.replace(/[^\w.-]+/g, '_')}`} />
      ) : null}
    </>
  );
}
