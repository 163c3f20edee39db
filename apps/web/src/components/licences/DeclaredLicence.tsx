import type { NodeLicenceQuery } from '../../generated/graphql';
import { obligationLines, textSaysMore } from '../../lib/licence-words';
import { LicenceName } from './LicenceName';
import { ObligationList } from './ObligationList';

type NodeLicence = NonNullable<NodeLicenceQuery['nodeLicence']>;

/**
 * What a model's or dataset's licence text declares: the licence as a record, the text itself
 * where it says more, other licences it names, and what the declared licence obliges.
 */
export function DeclaredLicence({ licence }: { licence: NodeLicence }) {
  const { declared } = licence;
  return (
    <div data-testid="licence-declared">
      <h3>Declared</h3>
      {declared || licence.text ? (
        <dl className="facts">
          <dt>Licence</dt>
          <dd>
            {declared ? (
              <>
                <LicenceName licence={declared} />
                {declared.spdx ? (
                  <>
                    {' '}
                    <code title="SPDX identifier">{declared.spdx}</code>
                  </>
                ) : null}
              </>
            ) : (
              <span className="muted">
                not one Lineage knows: it is not checked against what it inherits
              </span>
            )}
          </dd>
          {!declared || textSaysMore(licence.text, declared) ? (
            <>
              <dt>As recorded</dt>
              <dd>“{licence.text}”</dd>
            </>
          ) : null}
          {licence.alsoNamed.length ? (
            <>
              <dt>Also names</dt>
              <dd>
                {licence.alsoNamed.map((named, index) => (
                  <span key={named.id}>
                    {index ? ', ' : ''}
                    <LicenceName licence={named} />
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          {declared ? (
            <>
              <dt>Obligations</dt>
              <dd>
                <ObligationList
                  lines={obligationLines(declared.obligations)}
                  label={`Obligations of the ${declared.name}`}
                />
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="muted">No licence recorded.</p>
      )}
    </div>
  );
}
