import type { Metadata } from 'next';
import { ApiProblem } from '../../components/ApiProblem';
import { NodePicker } from '../../components/tools/NodePicker';
import { PathView } from '../../components/tools/PathView';
import { attempt, gql } from '../../lib/api';
import { readAsOf } from '../../lib/as-of';
import type { FindPathQuery } from '../../generated/graphql';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Path finder' };

const FIND_PATH = /* GraphQL */ `
  query FindPath($from: ID!, $to: ID!, $asOf: Date) {
    from: node(id: $from) {
      id
      name
    }
    to: node(id: $to) {
      id
      name
    }
    path(from: $from, to: $to, asOf: $asOf) {
      length
      nodes {
        id
        name
        kind
      }
      relationships {
        type
        declared
        sources
        validFrom
        validTo
        from {
          id
        }
        to {
          id
        }
        provenance {
          origin
          record
          matchedBy
        }
      }
    }
  }
`;

type Params = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PathsPage({ searchParams }: { searchParams: Params }) {
  const params = await searchParams;
  const from = one(params.from)?.trim() ?? '';
  const to = one(params.to)?.trim() ?? '';
  const asOf = readAsOf(params.asOf);
  const asked = from !== '' && to !== '';
  const loaded = asked
    ? await attempt(() => gql<FindPathQuery>(FIND_PATH, { from, to, asOf: asOf.date }))
    : undefined;
  if (loaded && 'problem' in loaded) return <ApiProblem error={loaded.problem} retry="/paths" />;
  const found = loaded?.value;
  return (
    <>
      <h1>Path finder</h1>
      <p className="muted">
        The shortest chain of lineage between two nodes, in whichever direction one exists: each hop
        with its relation and where it comes from.
      </p>
      <form className="panel path-form" action="/paths" method="get" aria-label="Find a path">
        <NodePicker name="from" label="From" defaultValue={from} />
        <NodePicker name="to" label="To" defaultValue={to} />
        {asOf.isToday ? null : <input type="hidden" name="asOf" value={asOf.date} />}
        <button type="submit" className="primary">
          Find path
        </button>
      </form>
      {found ? <PathView found={found} asked={{ from, to }} asOf={asOf.date} /> : null}
    </>
  );
}
