import Link from 'next/link';
import { nodeHref } from '../../lib/links';
import { downstreamWords, type ProvenanceFields } from '../../lib/provenance';
import { KindBadge } from '../Badges';
import { PeriodNote } from '../timeline/PeriodNote';
import { RelationBadge } from './RelationBadge';

export interface ChildRelation {
  type: string;
  declared: boolean;
  validFrom?: string | null;
  validTo?: string | null;
  provenance?: ProvenanceFields | null;
  from: { id: string; name: string; kind: string };
}

/**
 * What derives from or runs a node, one hop away, each with how it was matched: a re-upload
 * or a quantization read from a name is inferred and says so.
 */
export function ChildList({ relations, total }: { relations: ChildRelation[]; total: number }) {
  if (!relations.length) return null;
  return (
    <>
      <h3>
        Directly downstream ({relations.length < total ? `${relations.length} of ${total}` : total})
      </h3>
      <ul className="children">
        {relations.map((relation) => (
          <li key={`${relation.type}-${relation.from.id}`}>
            <span className="relation">{downstreamWords(relation.type)}</span>{' '}
            <Link href={nodeHref(relation.from.id)}>{relation.from.name}</Link>{' '}
            <KindBadge kind={relation.from.kind} /> <RelationBadge relation={relation} />{' '}
            <PeriodNote period={relation} />
          </li>
        ))}
      </ul>
    </>
  );
}
