/** The results page's query: one page of hits, with counts per kind for the filters. */
export const SEARCH_PAGE = /* GraphQL */ `
  query SearchPage($text: String!, $kinds: [NodeKind!], $after: String) {
    search(text: $text, kinds: $kinds, first: 20, after: $after) {
      totalCount
      totalCountCapped
      pageInfo {
        hasNextPage
        endCursor
      }
      byKind {
        kind
        count
      }
      edges {
        cursor
        node {
          match
          node {
            id
            name
            kind
            aliases
          }
        }
      }
    }
  }
`;
