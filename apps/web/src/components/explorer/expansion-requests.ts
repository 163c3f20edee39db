import type { ExpandedRelationshipFragment } from '../../generated/graphql';
import type { ViewEdge, ViewNode } from '../../graph/to-cy-elements';

/**
 * Expansions asked in one GraphQL request, each under an alias of its own: the API allows 15
 * aliases, and five pages of 500 children stay well within its cost limit. With at most
 * MAX_EXPANSIONS (20) expansions, an explorer URL costs at most four requests for them.
 */
export const EXPANSIONS_PER_REQUEST = 5;

/** The page of children an expansion shows, as the explorer's lineage views do. */
const CHILDREN_PAGE = 500;

/** What an expansion shows of each relationship; the request's aliases spread it. */
const EXPANDED_RELATIONSHIP = /* GraphQL */ `
  fragment ExpandedRelationship on Relationship {
    type
    declared
    from {
      id
      name
      kind
    }
    to {
      id
      name
      kind
    }
  }
`;

export interface ExpansionRequest {
  query: string;
  /** `$e0`, `$e1`…: the expanded ids, in the order of the URL. */
  variables: Record<string, string>;
}

type Relationship = ExpandedRelationshipFragment;

/** What one request answers: per alias, the node's parents or a page of its children. */
export type ExpansionAnswer = Record<
  string,
  { parents?: Relationship[]; children?: { edges: { node: Relationship }[] } } | null
>;

/**
 * The requests that load `expand` (`id~UPSTREAM|DOWNSTREAM` entries, already bounded by
 * readExpansions): one node per alias, so an id that no longer exists answers null without
 * failing the others, as a lineage query (non-null) would.
 */
export function planExpansionRequests(expand: string[]): ExpansionRequest[] {
  const requests: ExpansionRequest[] = [];
  for (let start = 0; start < expand.length; start += EXPANSIONS_PER_REQUEST) {
    const variables: Record<string, string> = {};
    const fields: string[] = [];
    expand.slice(start, start + EXPANSIONS_PER_REQUEST).forEach((entry, offset) => {
      const separator = entry.lastIndexOf('~');
      const alias = `e${start + offset}`;
      variables[alias] = entry.slice(0, separator);
      const related =
        entry.slice(separator + 1) === 'UPSTREAM'
          ? `parents { ...ExpandedRelationship }`
          : `children(first: ${CHILDREN_PAGE}) { edges { node { ...ExpandedRelationship } } }`;
      fields.push(`${alias}: node(id: $${alias}) { ... on LineageNode { ${related} } }`);
    });
    const declarations = Object.keys(variables)
      .map((alias) => `$${alias}: ID!`)
      .join(', ');
    const query = `query Expand(${declarations}) { ${fields.join(' ')} }${EXPANDED_RELATIONSHIP}`;
    requests.push({ query, variables });
  }
  return requests;
}

/** The nodes and edges the answers add to the view, keeping only `relations` when given. */
export function expansionView(
  answers: ExpansionAnswer[],
  relations: string[] | undefined,
): { nodes: ViewNode[]; edges: ViewEdge[] } {
  const nodes: ViewNode[] = [];
  const edges: ViewEdge[] = [];
  for (const answer of answers) {
    for (const expanded of Object.values(answer)) {
      if (!expanded) continue;
      const related = [
        ...(expanded.parents ?? []),
        ...(expanded.children?.edges.map((edge) => edge.node) ?? []),
      ];
      for (const relationship of related) {
        if (relations && !relations.includes(relationship.type)) continue;
        nodes.push(relationship.from, relationship.to);
        edges.push({
          type: relationship.type,
          declared: relationship.declared,
          from: relationship.from.id,
          to: relationship.to.id,
        });
      }
    }
  }
  return { nodes, edges };
}
