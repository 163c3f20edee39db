import Link from 'next/link';
import { ChildList } from '../../../components/provenance/ChildList';
import type { ChildCountsQuery, ChildrenOfQuery } from '../../../generated/graphql';
import { enumWords } from '../../../lib/enum-words';
import { formatCount } from '../../../lib/format';
import { exploreHref, nodeHref } from '../../../lib/links';

/** Each relation's children as a countable noun ("244 fine-tunes"). */
const CHILD_NOUNS: Record<string, [string, string]> = {
  FINE_TUNED_FROM: ['fine-tune', 'fine-tunes'],
  QUANTIZED_FROM: ['quantization', 'quantizations'],
  ADAPTER_OF: ['adapter', 'adapters'],
  MERGED_FROM: ['merge', 'merges'],
  DISTILLED_FROM: ['distillation', 'distillations'],
  REUPLOAD_OF: ['re-upload', 're-uploads'],
  POINTS_TO: ['family name served', 'family names served'],
  TRAINED_ON: ['model trained on it', 'models trained on it'],
  GENERATED_BY: ['dataset generated', 'datasets generated'],
  DEPLOYS: ['deployment', 'deployments'],
  BUILT_ON: ['product built on it', 'products built on it'],
  DEPENDS_ON: ['dependent', 'dependents'],
};
const childNoun = (type: string, count: number) =>
  CHILD_NOUNS[type]?.[count === 1 ? 0 : 1] ?? enumWords(type);

export type ChildCounts = Omit<NonNullable<ChildCountsQuery['node']>, 'id' | '__typename'>;
export type ChildPage = NonNullable<ChildrenOfQuery['node']>['incoming'];

/** The node page's address showing one relation's children, from a cursor. */
export function childrenHref(id: string, type: string, after?: string | null) {
  const search = new URLSearchParams({ children: type });
  if (after) search.set('after', after);
  return `${nodeHref(id)}?${search}#downstream`;
}

/**
 * What derives from or runs the node: exact counts by relation, each linking to the full list
 * of those children a page at a time, and the whole downstream in the explorer.
 */
export function DownstreamSection(props: {
  id: string;
  counts: ChildCounts;
  /** How many nodes lie downstream within the lineage query's bound, and whether it was hit. */
  reach: { count: number; truncated: boolean };
  /** The relation listed and its page, when one was picked; else the first children. */
  picked?: { type: string; page: ChildPage; after?: string };
  firstChildren?: { relations: Parameters<typeof ChildList>[0]['relations']; total: number };
}) {
  const { id, counts, reach, picked } = props;
  const rows = Object.entries(counts).flatMap(([type, value]) =>
    value && typeof value === 'object' && value.totalCount > 0
      ? [[type, value.totalCount] as const]
      : [],
  );
  return (
    <section className="panel" aria-labelledby="downstream">
      <h2 id="downstream">Downstream</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing derives from or deploys this node.</p>
      ) : (
        <>
          <ul className="stats" aria-label="Direct children by relation" data-testid="child-counts">
            {rows.map(([type, count]) => (
              <li key={type} data-relation={type}>
                <Link href={childrenHref(id, type)}>
                  <strong>{formatCount(count)}</strong> {childNoun(type, count)}
                </Link>
              </li>
            ))}
          </ul>
          <p className="muted small">
            {reach.truncated ? 'More than ' : ''}
            {formatCount(reach.count)} node{reach.count === 1 ? '' : 's'} downstream in all (within
            20 hops, as of the day shown):{' '}
            <Link href={exploreHref(id, { direction: 'DOWNSTREAM' })}>explore them</Link>.
          </p>
        </>
      )}
      {picked ? (
        <PickedChildren id={id} type={picked.type} page={picked.page} after={picked.after} />
      ) : props.firstChildren ? (
        <ChildList relations={props.firstChildren.relations} total={props.firstChildren.total} />
      ) : null}
    </section>
  );
}

function PickedChildren(props: { id: string; type: string; page: ChildPage; after?: string }) {
  const { id, type, page, after } = props;
  return (
    <>
      <ChildList relations={page.edges.map((edge) => edge.node)} total={page.totalCount} />
      <p className="pager">
        {after ? <Link href={childrenHref(id, type)}>First page</Link> : null}
        {page.pageInfo.hasNextPage ? (
          <Link href={childrenHref(id, type, page.pageInfo.endCursor)}>
            Next {childNoun(type, 2)}
          </Link>
        ) : null}
        <Link href={`${nodeHref(id)}#downstream`}>All relations</Link>
      </p>
    </>
  );
}
