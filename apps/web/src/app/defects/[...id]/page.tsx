import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SeverityBadge } from '../../../components/Badges';
import {
  DEPLOYMENT_PATHS,
  IMPACT_FIELDS,
  toImpactData,
} from '../../../components/impact/impact-data';
import type {
  DefectDeploymentsQuery,
  DefectImpactQuery,
  DefectPageQuery,
} from '../../../generated/graphql';
import { ImpactView } from '../../../components/impact/ImpactView';
import { ProvenanceBlock } from '../../../components/provenance/ProvenanceBlock';
import { RelationBadge } from '../../../components/provenance/RelationBadge';
import { ApiProblem } from '../../../components/ApiProblem';
import { attempt, gql } from '../../../lib/api';
import { idFromSegments, nodeHref } from '../../../lib/links';
import { asOfWords, readAsOf, readFlag } from '../../../lib/as-of';
import { AsOfControl } from '../../../components/AsOfControl';
import { TriageForm } from '../../../components/triage/TriageForm';
import { VexActions } from '../../../components/VexActions';

export const dynamic = 'force-dynamic';

const DEFECT = /* GraphQL */ `
  query DefectPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Defect {
        id
        name
        category
        severity
        status
        disclosedAt
        summary
        sources
        verified
        provenance {
          origin
          record
        }
        foundIn: outgoing(types: [AFFECTS]) {
          type
          declared
          provenance {
            origin
            record
            matchedBy
          }
          to {
            id
            name
          }
        }
        transmission {
          relation
          level
        }
        mitigations {
          node {
            id
            name
          }
          evidence
          since
        }
      }
    }
  }
`;

const DEFECT_IMPACT = /* GraphQL */ `
  query DefectImpact($id: ID!, $asOf: Date, $disclosedOnly: Boolean) {
    impact(defectId: $id, first: 60, asOf: $asOf, disclosedOnly: $disclosedOnly) {
      ...ImpactFields
    }
  }
`;
const IMPACT = DEFECT_IMPACT + IMPACT_FIELDS;
const DEFECT_DEPLOYMENTS = /* GraphQL */ `
  query DefectDeployments($id: ID!, $asOf: Date, $disclosedOnly: Boolean) {
    impact(
      defectId: $id
      first: 500
      kinds: [Deployment]
      asOf: $asOf
      disclosedOnly: $disclosedOnly
    ) {
      ...DeploymentPaths
    }
  }
`;
const DEPLOYMENTS = DEFECT_DEPLOYMENTS + DEPLOYMENT_PATHS;

type Props = {
  params: Promise<{ id: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: idFromSegments((await params).id) };
}

export default async function DefectPage({ params, searchParams }: Props) {
  const id = idFromSegments((await params).id);
  const query = await searchParams;
  const asOf = readAsOf(query.asOf);
  const disclosedOnly = readFlag(query.disclosedOnly);
  const loaded = await attempt(async () => {
    const { node } = await gql<DefectPageQuery>(DEFECT, { id });
    if (!node || node.__typename !== 'Defect') return undefined;
    const variables = { id, asOf: asOf.date, disclosedOnly };
    const [{ impact }, paths] = await Promise.all([
      gql<DefectImpactQuery>(IMPACT, variables),
      gql<DefectDeploymentsQuery>(DEPLOYMENTS, variables),
    ]);
    return { defect: node, impact, paths: paths.impact };
  });
  if ('problem' in loaded) return <ApiProblem error={loaded.problem} retry={nodeHref(id)} />;
  if (!loaded.value) notFound();
  const { defect, impact, paths } = loaded.value;
  const data = toImpactData(impact, paths);

  return (
    <>
      <h1>{defect.name}</h1>
      <p className="meta">
        <SeverityBadge severity={defect.severity} />{' '}
        {defect.category.toLowerCase().replace('_', ' ')} · {defect.status.toLowerCase()} ·
        disclosed {defect.disclosedAt ?? 'on an unknown date'} · {defect.id}
      </p>
      <section className="panel" aria-labelledby="about">
        <h2 id="about">About</h2>
        {defect.summary ? <p>{defect.summary}</p> : null}
        <p>
          Found in:{' '}
          {defect.foundIn.map((relation, i) => (
            <span key={relation.to.id}>
              {i ? ', ' : ''}
              <Link href={nodeHref(relation.to.id)}>{relation.to.name}</Link>{' '}
              <RelationBadge relation={relation} />
            </span>
          ))}
        </p>
        {defect.mitigations.length ? (
          <>
            <h3>Shown not to be affected</h3>
            <ul>
              {defect.mitigations.map((m) => (
                <li key={m.node.id}>
                  <Link href={nodeHref(m.node.id)}>{m.node.name}</Link>
                  {m.since ? ` (since ${m.since})` : ''}: {m.evidence}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <ProvenanceBlock
          provenance={defect.provenance}
          sources={defect.sources}
          verified={defect.verified}
          headingId="provenance"
        />
      </section>
      {defect.status === 'WITHDRAWN' ? (
        <p className="panel">This defect was withdrawn: it has no impact.</p>
      ) : (
        <section className="panel" aria-labelledby="as-of-title">
          <h2 id="as-of-title">Impact {asOfWords({ date: impact.asOf, isToday: asOf.isToday })}</h2>
          <AsOfControl
            action={nodeHref(defect.id)}
            choice={asOf}
            disclosedOnly={disclosedOnly}
            explanation={impactExplanation(defect.disclosedAt, asOf.date, disclosedOnly)}
          />
          <VexActions id={defect.id} asOf={asOf} subject="The triage of this defect" />
        </section>
      )}
      {defect.status === 'WITHDRAWN' ? null : (
        <TriageForm
          defectId={defect.id}
          deployments={[
            ...data.deployments.map(({ id, name, triage }) => ({ id, name, triage })),
            ...data.stoppedDeployments,
          ]}
        />
      )}
      {defect.status === 'WITHDRAWN' ? null : (
        <ImpactView
          key={`${impact.asOf}-${disclosedOnly}`}
          data={data}
          fileName={`impact-${defect.id.replace(/[^\w.-]+/g, '_')}-as-of-${impact.asOf}${disclosedOnly ? '-disclosed-only' : ''}`}
          foundIn={defect.foundIn.map((relation) => ({
            ...relation,
            from: defect.id,
            to: relation.to.id,
          }))}
          defect={{ id: defect.id, disclosedOnly }}
        />
      )}
    </>
  );
}

/** What the day asked for means for this defect, in words. */
function impactExplanation(
  disclosedAt: string | null | undefined,
  asOf: string,
  disclosedOnly: boolean,
): string {
  const lineage = `The lineage as it stood on ${asOf}: only relationships holding that day pass the defect on, and only nodes available that day are reached.`;
  if (!disclosedOnly)
    return `${lineage} The defect counts from its origin's release, disclosed or not.`;
  if (!disclosedAt)
    return `${lineage} Disclosed only, but its disclosure date is not recorded: it counts from its origin's release.`;
  return disclosedAt > asOf
    ? `${lineage} Disclosed only: it was disclosed on ${disclosedAt}, after this day, so it reaches nothing yet.`
    : `${lineage} Disclosed only: it counts from its disclosure on ${disclosedAt}.`;
}
