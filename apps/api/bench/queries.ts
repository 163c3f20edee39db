/** The queries the benchmark sends, as the web app and a script would. */
export const IMPACT = `query Impact($id: ID!) {
  impact(defectId: $id, first: 50) {
    totals { exposed mitigated deployments byLevel { level count } byKind { kind count } }
    exposed {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { level distance node { id name kind } path { id } } }
    }
  }
}`;

/** The same impact as IMPACT, as the lineage stood on a day. */
export const IMPACT_AS_OF = `query ImpactAsOf($id: ID!, $asOf: Date!) {
  impact(defectId: $id, first: 50, asOf: $asOf) {
    totals { exposed mitigated deployments byLevel { level count } byKind { kind count } }
    exposed {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { level distance node { id name kind } path { id } } }
    }
  }
}`;

/** What the web app's node page asks first. */
export const NODE_PAGE = `query NodePage($id: ID!) {
  node(id: $id) {
    id name kind aliases sources verified releasedAt updatedAt
    ... on Model { license access parameters modality provider { id name } }
    ... on Dataset { license access provider { id name } }
    ... on Deployment { license access monthlyActiveUsers operator { id name } }
  }
}`;

/** A node's one-hop neighbourhood: its parents and its first page of children. */
export const ONE_HOP = `query OneHop($id: ID!) {
  node(id: $id) {
    id
    ... on LineageNode {
      parents { type declared to { id name kind } }
      children(first: 50) { totalCount edges { node { type from { id name kind } } } }
    }
  }
}`;

export const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 20) { edges { node { score node { id name kind } } } }
}`;

export const STATS = `query Stats {
  stats {
    nodes graphVersion
    projection { graphVersion current nodes edges buildMs building served fallbacks }
  }
}`;
