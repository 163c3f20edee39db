import { originWords, type ProvenanceFields } from '../../lib/provenance';
import { SourceList } from '../SourceList';

/** "Where this comes from": who put the record in the graph, from which record, its sources. */
export function ProvenanceBlock({
  provenance,
  sources,
  verified,
  headingId,
}: {
  provenance: ProvenanceFields | null | undefined;
  sources: string[];
  verified: boolean;
  headingId: string;
}) {
  return (
    <div className="provenance" data-testid="provenance">
      <h3 id={headingId}>
        Where this comes from{' '}
        {verified ? null : <span className="badge match-badge match-inferred">unverified</span>}
      </h3>
      <dl className="facts">
        <dt>Origin</dt>
        <dd>{originWords(provenance?.origin)}</dd>
        {provenance?.record ? (
          <>
            <dt>Record</dt>
            <dd>
              <code>{provenance.record}</code>
            </dd>
          </>
        ) : null}
      </dl>
      <SourceList sources={sources} />
    </div>
  );
}
