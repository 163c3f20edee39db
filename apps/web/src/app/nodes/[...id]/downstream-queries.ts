/** Exact counts of what derives from or runs a node, by relation, and one relation's page. */
export const CHILD_COUNTS = /* GraphQL */ `
  query ChildCounts($id: ID!) {
    node(id: $id) {
      id
      FINE_TUNED_FROM: incoming(types: [FINE_TUNED_FROM], first: 1) {
        totalCount
      }
      QUANTIZED_FROM: incoming(types: [QUANTIZED_FROM], first: 1) {
        totalCount
      }
      ADAPTER_OF: incoming(types: [ADAPTER_OF], first: 1) {
        totalCount
      }
      MERGED_FROM: incoming(types: [MERGED_FROM], first: 1) {
        totalCount
      }
      DISTILLED_FROM: incoming(types: [DISTILLED_FROM], first: 1) {
        totalCount
      }
      REUPLOAD_OF: incoming(types: [REUPLOAD_OF], first: 1) {
        totalCount
      }
      POINTS_TO: incoming(types: [POINTS_TO], first: 1) {
        totalCount
      }
      TRAINED_ON: incoming(types: [TRAINED_ON], first: 1) {
        totalCount
      }
      GENERATED_BY: incoming(types: [GENERATED_BY], first: 1) {
        totalCount
      }
      DEPLOYS: incoming(types: [DEPLOYS], first: 1) {
        totalCount
      }
      BUILT_ON: incoming(types: [BUILT_ON], first: 1) {
        totalCount
      }
      DEPENDS_ON: incoming(types: [DEPENDS_ON], first: 1) {
        totalCount
      }
    }
  }
`;

export const CHILDREN_OF = /* GraphQL */ `
  query ChildrenOf($id: ID!, $type: RelationType!, $after: String) {
    node(id: $id) {
      id
      incoming(types: [$type], first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            type
            declared
            validFrom
            validTo
            provenance {
              origin
              record
              matchedBy
            }
            from {
              id
              name
              kind
            }
          }
        }
      }
    }
  }
`;

/** What a provider developed and operates, a page of each at a time. */
export const PROVIDER_LISTS = /* GraphQL */ `
  query ProviderLists(
    $id: ID!
    $modelsAfter: String
    $datasetsAfter: String
    $deploymentsAfter: String
  ) {
    models(filter: { providerId: $id }, first: 25, after: $modelsAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          releasedAt
        }
      }
    }
    datasets(filter: { providerId: $id }, first: 25, after: $datasetsAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          releasedAt
        }
      }
    }
    deployments(filter: { providerId: $id }, first: 25, after: $deploymentsAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          releasedAt
        }
      }
    }
  }
`;
