import type { Metadata } from 'next';
import { WhatIf } from '../../components/impact/WhatIf';
import { ApiProblem } from '../../components/ApiProblem';
import { attempt, gql } from '../../lib/api';
import type { WhatIfOriginQuery } from '../../generated/graphql';
import { readAsOf } from '../../lib/as-of';
import { isoDate } from '@lineage/domain';
import { MAX_ASSUMED } from '../../lib/operations';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'What-if' };

const WHAT_IF_ORIGIN = /* GraphQL */ `
  query WhatIfOrigin($id: ID!) {
    node(id: $id) {
      id
      name
    }
  }
`;

export default async function WhatIfPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const params = await searchParams;
  const asOf = readAsOf(params.asOf);
  const ids = [params.node, ...(params.assume?.split(',') ?? []).slice(0, MAX_ASSUMED)];
  // The origin and each assumed mitigation by name; ids that name nothing are dropped.
  const loaded = await attempt(() =>
    Promise.all(
      ids.map(async (id) =>
        id ? ((await gql<WhatIfOriginQuery>(WHAT_IF_ORIGIN, { id })).node ?? undefined) : undefined,
      ),
    ),
  );
  if ('problem' in loaded) return <ApiProblem error={loaded.problem} retry="/what-if" />;
  const [node, ...assumed] = loaded.value;
  return (
    <>
      <h1>What if a defect were found here?</h1>
      <p className="muted">
        Nothing is saved: this computes the impact a defect would have, as it would be filed, over
        the lineage as it stood on the day chosen.
      </p>
      {asOf.problem ? (
        <p role="alert" className="error-text">
          {asOf.problem}
        </p>
      ) : null}
      <WhatIf
        node={node}
        category={params.category ?? 'JAILBREAK'}
        severity={params.severity ?? 'HIGH'}
        asOf={asOf.date}
        today={isoDate(asOf.today)}
        assumed={assumed.flatMap((picked) => (picked ? [picked] : []))}
      />
    </>
  );
}
