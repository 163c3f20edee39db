import Link from 'next/link';
import type { ReactNode } from 'react';
import { ProvenanceBlock } from '../../../components/provenance/ProvenanceBlock';
import { RelationBadge } from '../../../components/provenance/RelationBadge';
import type { NodePageQuery } from '../../../generated/graphql';
import { formatCount } from '../../../lib/format';
import { kindField } from '../../../lib/kind-fields';
import { exploreHref, nodeHref } from '../../../lib/links';

/** A node's own record: who makes or runs it, its facts, where they come from, what to do next. */
export function NodeFacts({
  node,
  lineageKind,
}: {
  node: NonNullable<NodePageQuery['node']>;
  lineageKind: boolean;
}) {
  const operator = kindField(node, 'operator');
  const maker = kindField(node, 'provider') ?? operator;
  const license = kindField(node, 'license');
  const access = kindField(node, 'access');
  const parameters = kindField(node, 'parameters');
  const monthlyActiveUsers = kindField(node, 'monthlyActiveUsers');
  const retiredAt = kindField(node, 'retiredAt');
  const snapshotOf = kindField(node, 'snapshotOf')?.[0]?.to;
  const makerRelation = node.maker.find((relation) => relation.to.id === maker?.id);
  return (
    <section className="panel" aria-labelledby="facts">
      <h2 id="facts">Facts and sources</h2>
      <dl className="facts">
        {maker ? (
          <Fact term={operator ? 'Operator' : 'Provider'}>
            <Link href={nodeHref(maker.id)}>{maker.name}</Link>{' '}
            {makerRelation ? <RelationBadge relation={makerRelation} /> : null}
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
        {node.aliases.length ? <Fact term="Also known as">{node.aliases.join(', ')}</Fact> : null}
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
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
