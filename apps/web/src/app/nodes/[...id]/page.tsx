import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { KindBadge } from '../../../components/Badges';
import { BomActions } from '../../../components/BomActions';
import { BomTree } from '../../../components/BomTree';
import { ChildList } from '../../../components/provenance/ChildList';
import { ProvenanceBlock } from '../../../components/provenance/ProvenanceBlock';
import { RelationBadge } from '../../../components/provenance/RelationBadge';
import { ApiProblem } from '../../../components/ApiProblem';
import { attempt, gql } from '../../../lib/api';
import { formatCount } from '../../../lib/format';
import { exploreHref, idFromSegments, nodeHref } from '../../../lib/links';
import type { AroundQuery, DefectOriginsQuery, NodePageQuery } from '../../../generated/graphql';
import { kindField } from '../../../lib/kind-fields';
import type { StoredRelation } from '../../../lib/provenance';
import { NodeTimelines } from '../../../components/timeline/NodeTimelines';
import { ExposureTable } from '../../../components/exposure/ExposureTable';
import { AsOfControl } from '../../../components/AsOfControl';
import { asOfWords, readAsOf } from '../../../lib/as-of';
import { AROUND, DEFECT_ORIGINS, NODE } from './node-queries';

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
  const asOf = readAsOf((await searchParams).asOf);
  const loaded = await attempt(async () => {
    const { node } = await gql<NodePageQuery>(NODE, { id });
    const around =
      node && node.kind !== 'Provider'
        ? await gql<AroundQuery>(AROUND, { id, asOf: asOf.date })
        : undefined;
    // One small request per defect reaching the node: the exposure list cannot carry each
    // defect's origins itself without multiplying its price by 100.
    const defectIds = [...new Set(around?.exposure.map((row) => row.defect.id) ?? [])];
    const origins = await Promise.all(
      defectIds.map(
        async (defect) => (await gql<DefectOriginsQuery>(DEFECT_ORIGINS, { id: defect })).node,
      ),
    );
    return {
      node,
      around,
      origins: origins.flatMap((origin) => (origin ? [origin] : [])),
    };
  });
  if ('problem' in loaded) return <ApiProblem error={loaded.problem} retry={nodeHref(id)} />;
  const { node, around, origins } = loaded.value;
  if (!node) notFound();
  const lineageKind = node.kind !== 'Provider';
  const downstreamByKind = new Map<string, number>();
  for (const row of around?.downstream.nodes ?? []) {
    if (row.distance > 0)
      downstreamByKind.set(row.node.kind, (downstreamByKind.get(row.node.kind) ?? 0) + 1);
  }
  const operator = kindField(node, 'operator');
  const maker = kindField(node, 'provider') ?? operator;
  const license = kindField(node, 'license');
  const access = kindField(node, 'access');
  const parameters = kindField(node, 'parameters');
  const monthlyActiveUsers = kindField(node, 'monthlyActiveUsers');
  const children = kindField(node, 'children');
  const retiredAt = kindField(node, 'retiredAt');
  const parents = kindField(node, 'parents');
  const snapshotOf = kindField(node, 'snapshotOf')?.[0]?.to;
  const snapshots = kindField(node, 'snapshots')?.edges.map((edge) => edge.node.from);
  const makerRelation = node.maker.find((relation) => relation.to.id === maker?.id);
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

  return (
    <>
      <h1>
        {node.name} <KindBadge kind={node.kind} />
      </h1>
      <p className="muted">{node.id}</p>
      <BomActions id={node.id} kind={node.kind} asOf={asOf} />
      {lineageKind ? (
        <section className="panel" aria-label="Day shown">
          <AsOfControl
            action={nodeHref(node.id)}
            choice={asOf}
            explanation="The lineage, the timelines' status and the defects that reach this node as they stood on that day."
          />
        </section>
      ) : null}
      <div className="columns">
        <section className="panel" aria-labelledby="facts">
          <h2 id="facts">Facts and sources</h2>
          <dl className="facts">
            {maker ? (
              <Fact term={operator ? 'Operator' : 'Provider'}>
                {maker.name} {makerRelation ? <RelationBadge relation={makerRelation} /> : null}
              </Fact>
            ) : null}
            {license ? <Fact term="Licence">{license}</Fact> : null}
            {access ? <Fact term="Access">{access}</Fact> : null}
            {parameters ? <Fact term="Parameters">{formatCount(parameters)}</Fact> : null}
            {monthlyActiveUsers ? (
              <Fact term="Monthly users">{formatCount(monthlyActiveUsers)}</Fact>
            ) : null}
            {node.releasedAt ? <Fact term="Released">{node.releasedAt}</Fact> : null}
            {retiredAt ? (
              <Fact term="Retired">
                {retiredAt}{' '}
                <span className="muted small">(the first day it was no longer available)</span>
              </Fact>
            ) : null}
            {snapshotOf ? (
              <Fact term="Snapshot of">
                <Link href={nodeHref(snapshotOf.id)}>{snapshotOf.name}</Link>
              </Fact>
            ) : null}
            {node.aliases.length ? (
              <Fact term="Also known as">{node.aliases.join(', ')}</Fact>
            ) : null}
          </dl>
          <ProvenanceBlock
            provenance={node.provenance}
            sources={node.sources}
            verified={node.verified}
            headingId="provenance"
          />
          {lineageKind ? (
            <p className="actions">
              <Link href={exploreHref(node.id)}>Explore around it</Link>
              <Link href={`/what-if?${new URLSearchParams({ node: node.id })}`}>
                What if it had a defect?
              </Link>
            </p>
          ) : null}
        </section>

        {around ? (
          <section className="panel" aria-labelledby="defects">
            <h2 id="defects">Defects that reach it {asOfWords(asOf)}</h2>
            <ExposureTable
              rows={around.exposure}
              day={asOf.day}
              dayWords={asOfWords(asOf)}
              relations={upstreamRelations}
              affects={affects}
            />
            <p className="muted small">
              Defects that reached it on other days: choose another date above.
            </p>
          </section>
        ) : null}
      </div>

      {parents ? (
        <NodeTimelines
          node={{ ...node, retiredAt, parents, snapshots }}
          asOf={asOf.day}
          asOfLabel={asOfWords(asOf)}
          today={asOf.today}
        />
      ) : null}

      {around ? (
        <div className="columns">
          <section className="panel" aria-labelledby="bom">
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
          <section className="panel" aria-labelledby="downstream">
            <h2 id="downstream">Downstream</h2>
            {downstreamByKind.size === 0 ? (
              <p className="muted">Nothing derives from or deploys this node.</p>
            ) : (
              <ul className="stats">
                {[...downstreamByKind.entries()].map(([kind, count]) => (
                  <li key={kind}>
                    <strong>
                      {count}
                      {around.downstream.truncated ? '+' : ''}
                    </strong>{' '}
                    <KindBadge kind={kind} />
                  </li>
                ))}
              </ul>
            )}
            {children ? (
              <ChildList
                relations={children.edges.map((edge) => edge.node)}
                total={children.totalCount}
              />
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
