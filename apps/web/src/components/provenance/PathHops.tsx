import Link from 'next/link';
import { nodeHref } from '../../lib/links';
import { downstreamWords, type PathHop } from '../../lib/provenance';
import { RelationBadge } from './RelationBadge';

/**
 * A witness path hop by hop: each hop's relation, whether a source states it and how it was
 * matched, so an analyst sees which hop rests on an inference or a name match.
 */
export function PathHops({ hops, names }: { hops: PathHop[]; names: Map<string, string> }) {
  return (
    <ol className="hops">
      {hops.map((hop, index) => (
        <li key={`${index}-${hop.node}`}>
          {hop.relations.length ? (
            hop.relations.map((relation) => (
              <span key={relation.type} className="hop-relation">
                <span className="relation">{downstreamWords(relation.type)}</span>{' '}
                <RelationBadge relation={relation} />{' '}
              </span>
            ))
          ) : index > 0 ? (
            <span className="relation">then </span>
          ) : null}
          <Link href={nodeHref(hop.node)}>{names.get(hop.node) ?? hop.node}</Link>
        </li>
      ))}
    </ol>
  );
}
