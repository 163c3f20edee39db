import Link from 'next/link';
import type { NodeLicenceQuery } from '../../generated/graphql';
import { obligationLines } from '../../lib/licence-words';
import { nodeHref } from '../../lib/links';
import { LevelBadge } from '../Badges';
import { LicenceName } from './LicenceName';
import { NodePath } from './NodePath';
import { ObligationList } from './ObligationList';

type Inherited = NonNullable<NodeLicenceQuery['nodeLicence']>['inherited'];

/** The binding terms a node inherits: each licence, the ancestor declaring it and the path down. */
export function InheritedTerms({ inherited, nodeId }: { inherited: Inherited; nodeId: string }) {
  return (
    <>
      <h3>Inherited binding terms</h3>
      {inherited.length ? (
        <table className="inherited-licences" data-testid="licence-inherited">
          <thead>
            <tr>
              <th scope="col">Licence</th>
              <th scope="col">From</th>
              <th scope="col">Level</th>
              <th scope="col">Path</th>
            </tr>
          </thead>
          <tbody>
            {inherited.map((terms) => (
              <tr key={`${terms.licence.id} ${terms.from.id}`} data-licence={terms.licence.id}>
                <td>
                  <LicenceName licence={terms.licence} />
                  <details className="small">
                    <summary>Obligations</summary>
                    <ObligationList
                      lines={obligationLines(terms.licence.obligations)}
                      label={`Obligations of the ${terms.licence.name}`}
                    />
                  </details>
                </td>
                <td>
                  <Link href={nodeHref(terms.from.id)}>{terms.from.name}</Link>
                </td>
                <td>
                  <LevelBadge level={terms.level} />
                </td>
                <td>
                  <NodePath path={terms.path} current={nodeId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        // The API leaves out terms the node declares itself, and those a licensor relicensed:
        // "no ancestor binds it" would be wrong for a Llama fine-tune under the Llama licence.
        <p className="muted">
          None. Terms it declares itself are not listed again, and a licensor relicensing its own
          work starts afresh.
        </p>
      )}
      {inherited.length >= 100 ? (
        <p className="muted small">Only the first 100 inherited licences are shown.</p>
      ) : null}
    </>
  );
}
