import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import {
  exploreParamsSchema,
  MAX_EXPANSIONS,
  readExpansions,
} from '../../components/explorer/explore-params';
import {
  expansionView,
  planExpansionRequests,
  type ExpansionAnswer,
} from '../../components/explorer/expansion-requests';
import { ExploreStart } from '../../components/explorer/ExploreStart';
import { GraphExplorer } from '../../components/explorer/GraphExplorer';
import { Legend } from '../../components/Legend';
import { ApiProblem } from '../../components/ApiProblem';
import { ApiError, attempt, gql } from '../../lib/api';
import { edgeId, type ViewEdge, type ViewNode } from '../../graph/to-cy-elements';
import type { ExploreQuery } from '../../generated/graphql';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Explorer' };

const LINEAGE = /* GraphQL */ `
  query Explore(
    $id: ID!
    $direction: Direction!
    $depth: Int!
    $max: Int!
    $relations: [LineageRelation!]
  ) {
    lineage(id: $id, direction: $direction, depth: $depth, maxNodes: $max, relations: $relations) {
      truncated
      focus {
        id
        name
        kind
      }
      nodes {
        node {
          id
          name
          kind
        }
      }
      edges {
        type
        declared
        from {
          id
        }
        to {
          id
        }
      }
    }
  }
`;

async function lineage(variables: Record<string, unknown>) {
  const { lineage: view } = await gql<ExploreQuery>(LINEAGE, variables);
  return {
    truncated: view.truncated,
    focus: view.focus,
    nodes: view.nodes.map((n) => n.node),
    edges: view.edges.map((e) => ({
      type: e.type,
      declared: e.declared,
      from: e.from.id,
      to: e.to.id,
    })),
  };
}

export default async function ExplorePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const params = exploreParamsSchema.parse(raw);
  if (!params.focus) return <ExploreStart />;
  const relations = params.relations.length ? params.relations : undefined;
  const focus = params.focus;
  const loaded = await attempt(() =>
    lineage({
      id: focus,
      direction: params.direction,
      depth: params.depth,
      max: params.max,
      relations,
    }),
  ).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  if ('problem' in loaded)
    return (
      <ApiProblem error={loaded.problem} retry={`/explore?focus=${encodeURIComponent(focus)}`} />
    );
  const base = loaded.value;
  // Expansions made in place are part of the URL, so a shared link shows the same view. A URL
  // is anyone's to write: it gets at most MAX_EXPANSIONS, loaded in a few batched requests.
  const answers = await Promise.all(
    planExpansionRequests(params.expand).map((request) =>
      gql<ExpansionAnswer>(request.query, request.variables).catch(() => undefined),
    ),
  );
  const expansion = expansionView(
    answers.filter((answer) => answer !== undefined),
    relations,
  );
  const dropped = readExpansions(raw.expand);
  const nodes = new Map<string, ViewNode>();
  for (const node of [...base.nodes, ...expansion.nodes])
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  const edges = new Map<string, ViewEdge>();
  for (const edge of [...base.edges, ...expansion.edges]) edges.set(edgeId(edge), edge);
  return (
    <>
      <h1>
        Lineage of {base.focus.name} <span className="muted small">{base.focus.id}</span>
      </h1>
      {dropped.overLimit || dropped.invalid.length ? (
        <p role="status" className="notice" data-testid="expansions-dropped">
          {dropped.overLimit
            ? `This link asks for more than ${MAX_EXPANSIONS} expansions: the first ${MAX_EXPANSIONS} are shown, ${dropped.overLimit} left out. `
            : ''}
          {dropped.invalid.length
            ? `${dropped.invalid.length} malformed expansion(s) ignored (each must be <model, dataset or deployment id>~UPSTREAM or ~DOWNSTREAM).`
            : ''}
        </p>
      ) : null}
      <GraphExplorer
        params={params}
        nodes={[...nodes.values()]}
        edges={[...edges.values()]}
        truncated={base.truncated}
        legend={<Legend show="lineage" />}
      />
    </>
  );
}
