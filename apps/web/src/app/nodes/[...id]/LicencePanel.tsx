import { LicenceSection } from '../../../components/licences/LicenceSection';
import type { NodeLicenceQuery } from '../../../generated/graphql';
import type { ApiError } from '../../../lib/api';

export type LoadedLicence = { value: NodeLicenceQuery } | { problem: ApiError };

/** Whether the node page shows a licence section: a deployment only when it inherits terms. */
export function showsLicence(loaded: LoadedLicence, kind: string): boolean {
  if ('problem' in loaded) return true;
  const licence = loaded.value.nodeLicence;
  return !!licence && (kind !== 'Deployment' || licence.inherited.length > 0);
}

/**
 * The node page's licence section, or why it could not be read: the rest of the page stands
 * without it, so a failing licence check does not take the page down.
 */
export function LicencePanel({
  loaded,
  nodeId,
  kind,
}: {
  loaded: LoadedLicence;
  nodeId: string;
  kind: string;
}) {
  if (!showsLicence(loaded, kind)) return null;
  if ('problem' in loaded)
    return (
      <section className="panel error" aria-labelledby="licence">
        <h2 id="licence">Licence</h2>
        <p>The licence check could not be loaded: {loaded.problem.message}</p>
      </section>
    );
  return (
    <LicenceSection
      licence={loaded.value.nodeLicence!}
      nodeId={nodeId}
      derivative={kind !== 'Deployment'}
    />
  );
}
