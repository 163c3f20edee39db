import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { LINEAGE_RELATIONS } from '@lineage/domain';
import { KindBadge } from '../../../components/Badges';
import { BomActions } from '../../../components/BomActions';
import { VexActions } from '../../../components/VexActions';
import { BomTree } from '../../../components/BomTree';
import { ApiProblem } from '../../../components/ApiProblem';
import { attempt, gql } from '../../../lib/api';
import { idFromSegments, nodeHref } from '../../../lib/links';
import type {
  AroundQuery,
  ChildCountsQuery,
  ChildrenOfQuery,
  DefectOriginsQuery,
  NodeExposureQuery,
  NodeLicenceQuery,
  NodePageQuery,
  ProviderListsQuery,
} from '../../../generated/graphql';
import { kindField } from '../../../lib/kind-fields';
import type { StoredRelation } from '../../../lib/provenance';
import { NodeTimelines } from '../../../components/timeline/NodeTimelines';
import { ExposureTable } from '../../../components/exposure/ExposureTable';
import { AsOfControl } from '../../../components/AsOfControl';
import { asOfWords, readAsOf } from '../../../lib/as-of';
import { AROUND, DEFECT_ORIGINS, EXPOSURE, NODE } from './node-queries';
import { CHILD_COUNTS, CHILDREN_OF, PROVIDER_LISTS } from './downstream-queries';
import { DownstreamSection } from './DownstreamSection';
import { ProviderListings } from './ProviderListings';
import { NodeSummary } from './NodeSummary';
import { NodeFacts } from './NodeFacts';
import { NODE_LICENCE } from './licence-query';
import { LicencePanel, showsLicence } from './LicencePanel';

/** Defect rows shown before "show all": the strongest, so the rest of the page stays near. */
const DEFECT_ROWS = 10;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: idFromSegments((await params).id) };
}

export default async function NodePage({ params, searchParams }: Props) {
  const id = idFromSegments((await params).id);
  const search = await searchParams;
  const asOf = readAsOf(search.asOf);
  const picked = one(search.children);
  const childType = LINEAGE_RELATIONS.find((type) => type === picked);
  const after = one(search.after);
  const listAfter = (list: string) => one(search[`${list}After`]) ?? null;
  const loaded = await attempt(async () => {
    const { node } = await gql<NodePageQuery>(NODE, { id });
    if (!node || node.kind === 'Defect') return { node };
    if (node.kind === 'Provider') {
      const lists = await gql<ProviderListsQuery>(PROVIDER_LISTS, {
        id,
        modelsAfter: listAfter('models'),
        datasetsAfter: listAfter('datasets'),
        deploymentsAfter: listAfter('deployments'),
      });
      return { node, lists };
    }
    const [lineage, { exposure }, counts, childPage, licence] = await Promise.all([
      gql<AroundQuery>(AROUND, { id, asOf: asOf.date }),
      gql<NodeExposureQuery>(EXPOSURE, { id, asOf: asOf.date }),
      gql<ChildCountsQuery>(CHILD_COUNTS, { id }),
      childType
        ? gql<ChildrenOfQuery>(CHILDREN_OF, { id, type: childType, after: after ?? null })
        : undefined,
      // Today's licences whatever the day shown: the API keeps no history of them.
      attempt(() => gql<NodeLicenceQuery>(NODE_LICENCE, { id })),
    ]);
    // One small request per defect reaching the node: the exposure list cannot carry each
    // defect's origins itself without multiplying its price by 100.
    const around = { ...lineage, exposure };
    const defectIds = [...new Set(around.exposure.map((row) => row.defect.id) ?? [])];
    const origins = await Promise.all(
      defectIds.map(
        async (defect) => (await gql<DefectOriginsQuery>(DEFECT_ORIGINS, { id: defect })).node,
      ),
    );
    return {
      node,
      around,
      counts: counts.node,
      childPage: childPage?.node?.incoming,
      licence,
      origins: origins.flatMap((origin) => (origin ? [origin] : [])),
    };
  });
  if ('problem' in loaded) return <ApiProblem error={loaded.problem} retry={nodeHref(id)} />;
  const { node } = loaded.value;
  if (!node) notFound();
  // A defect has a page of its own (its impact); the proxy redirects its usual address.
  if (node.kind === 'Defect') permanentRedirect(nodeHref(node.id));
  const lists = 'lists' in loaded.value ? loaded.value.lists : undefined;
  const {
    around,
    counts,
    childPage,
    licence,
    origins = [],
  } = 'around' in loaded.value ? loaded.value : { around: undefined, counts: undefined };
  const licenceShown = licence && showsLicence(licence, node.kind);
  const lineageKind = node.kind !== 'Provider';
  const downstreamCount = (around?.downstream.nodes ?? []).filter((row) => row.distance > 0).length;
  const children = kindField(node, 'children');
  const retiredAt = kindField(node, 'retiredAt');
  const parents = kindField(node, 'parents');
  const snapshots = kindField(node, 'snapshots')?.edges.map((edge) => edge.node.from);
  const upstreamRelations: StoredRelation[] = (around?.upstream.edges ?? []).map((edge) => ({
    ...edge,
    from: edge.from.id,
    to: edge.to.id,
  }));
  const affects = new Map(
    origins.map((defect) => [
      defect.id,
      defect.outgoing.map((edge) => ({ ...edge, from: defect.id, to: edge.to.id })),
    ]),
  );

  const facts = <NodeFacts node={node} lineageKind={lineageKind} />;
  const showAll = one(search.defects) === 'all';
  const allDefectsHref = `${nodeHref(node.id)}?${new URLSearchParams({
    ...(asOf.isToday ? {} : { asOf: asOf.date }),
    defects: 'all',
  })}#defects`;

  return (
    <>
      <h1>
        {node.name} <KindBadge kind={node.kind} />
      </h1>
      <p className="muted">{node.id}</p>
      <BomActions id={node.id} kind={node.kind} asOf={asOf} />
      {node.kind === 'Deployment' ? (
        <VexActions id={node.id} asOf={asOf} subject="The defects reaching this product" />
      ) : null}
      {lists ? (
        <>
          {facts}
          <ProviderListings
            id={node.id}
            lists={lists}
            paged={new Set(['models', 'datasets', 'deployments'].filter((l) => listAfter(l)))}
          />
        </>
      ) : null}
      {around && counts ? (
        <>
          <NodeSummary
            exposure={around.exposure}
            ancestors={around.upstream.nodes.length - 1}
            ancestorsTruncated={around.upstream.truncated}
            downstream={downstreamCount}
            downstreamTruncated={around.downstream.truncated}
            timelines={Boolean(parents)}
            licenceProblems={
              licenceShown && 'value' in licence
                ? (licence.value.nodeLicence?.problems.length ?? 0)
                : licenceShown
                  ? 0
                  : undefined
            }
          />
          <section className="panel" aria-label="Day shown">
            <AsOfControl
              action={nodeHref(node.id)}
              choice={asOf}
              explanation="The lineage, the timelines' status and the defects that reach this node as they stood on that day."
            />
          </section>
          <div className="columns">
            {facts}
            <section className="panel" aria-labelledby="bom" data-testid="bom-section">
              <h2 id="bom">Built on (bill of materials)</h2>
              <BomTree
                root={node.id}
                nodes={around.upstream.nodes.map((n) => n.node)}
                edges={upstreamRelations}
              />
              {around.upstream.truncated ? (
                <p className="muted">Only the nearest 500 ancestors are shown.</p>
              ) : null}
            </section>
          </div>
          {licence ? <LicencePanel loaded={licence} nodeId={node.id} kind={node.kind} /> : null}
          <section className="panel" aria-labelledby="defects">
            <h2 id="defects">Defects that reach it {asOfWords(asOf)}</h2>
            <ExposureTable
              rows={around.exposure}
              day={asOf.day}
              dayWords={asOfWords(asOf)}
              relations={upstreamRelations}
              affects={affects}
              limit={showAll ? undefined : DEFECT_ROWS}
              showAllHref={allDefectsHref}
            />
            <p className="muted small">
              Sorted by level, then severity; defects stopped upstream by a mitigation come last.
              Defects that reached it on other days: choose another date above.{' '}
              <Link href="/glossary">What the levels mean</Link>.
            </p>
          </section>
          <DownstreamSection
            id={node.id}
            counts={counts}
            reach={{ count: downstreamCount, truncated: around.downstream.truncated }}
            picked={
              childType && childPage
                ? { type: childType, page: childPage, after: after ?? undefined }
                : undefined
            }
            firstChildren={
              children
                ? { relations: children.edges.map((edge) => edge.node), total: children.totalCount }
                : undefined
            }
          />
          {parents ? (
            <div id="timelines">
              <NodeTimelines
                node={{ ...node, retiredAt, parents, snapshots }}
                asOf={asOf.day}
                asOfLabel={asOfWords(asOf)}
                today={asOf.today}
              />
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
