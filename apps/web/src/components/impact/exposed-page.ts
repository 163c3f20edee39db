/**
 * One page of a defect's exposed nodes, in the API's order (level, distance, id), optionally one
 * aggregate group: the paged list in the page and the CSV export both read it.
 */
export const IMPACT_PAGE = /* GraphQL */ `
  query ImpactPage(
    $id: ID!
    $asOf: Date
    $disclosedOnly: Boolean
    $first: Int!
    $after: String
    $kinds: [NodeKind!]
    $distance: Int
    $relation: LineageRelation
  ) {
    impact(
      defectId: $id
      asOf: $asOf
      disclosedOnly: $disclosedOnly
      first: $first
      after: $after
      kinds: $kinds
      distance: $distance
      relation: $relation
    ) {
      asOf
      exposed {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            node {
              id
              name
              kind
            }
            level
            distance
            path {
              id
              name
            }
            hops {
              relation
              declared
              transmits
            }
          }
        }
      }
    }
  }
`;

/** Rows a page shows at a time, and the export reads per request (within the cost limit). */
export const LIST_PAGE_SIZE = 100;
export const EXPORT_PAGE_SIZE = 200;
