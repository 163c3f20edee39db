import type { NodeLicenceQuery } from '../../generated/graphql';
import { DeclaredLicence } from './DeclaredLicence';
import { InheritedTerms } from './InheritedTerms';
import { LicenceProblemCard } from './LicenceProblemCard';
import { UpstreamProblems } from './UpstreamProblems';

type NodeLicence = NonNullable<NodeLicenceQuery['nodeLicence']>;

/**
 * A node's licence: its own problems first, since they are what an analyst acts on, then what it
 * declares and the binding terms it inherits. A deployment runs models rather than deriving from
 * them, so the API checks no licence of its own: it shows only the terms it inherits.
 */
export function LicenceSection({
  licence,
  nodeId,
  derivative,
}: {
  licence: NodeLicence;
  nodeId: string;
  /** A model or dataset, whose declared licence is checked against what it inherits. */
  derivative: boolean;
}) {
  const { declared, problems, inherited } = licence;
  return (
    <section className="panel licence" aria-labelledby="licence" data-testid="licence-section">
      <h2 id="licence">Licence</h2>
      {derivative && problems.length ? (
        <div className="licence-problems">
          {problems.map((problem, index) => (
            <LicenceProblemCard key={`${index} ${problem.inherited.id}`} {...{ problem, nodeId }} />
          ))}
        </div>
      ) : null}
      {derivative ? <DeclaredLicence licence={licence} /> : null}
      <InheritedTerms inherited={inherited} nodeId={nodeId} />
      {derivative && declared && inherited.length && !problems.length ? (
        <p data-testid="licence-sound">
          Its declared licence keeps every obligation of the terms it inherits.
        </p>
      ) : null}
      <UpstreamProblems upstream={licence.upstream} nodeId={nodeId} />
    </section>
  );
}
