/** The most problems one page (or its CSV) lists: the API's largest page. */
export const LICENCE_ROWS = 500;

/**
 * The whole-graph licence check: the count of each kind, and the problems of the kind asked.
 * Priced at about 42,000 for 500 rows (each path priced 20 deep), under the API's 100,000.
 */
export const LICENCE_CHECK = /* GraphQL */ `
  query LicenceCheckPage($kind: LicenceProblemKind, $first: Int!) {
    shown: licenceCheck(kind: $kind, first: $first) {
      graphVersion
      checked
      count
      conflicts
      drops
      problems {
        kind
        node {
          id
          name
          kind
        }
        text
        declared {
          id
          name
          spdx
          source
        }
        inherited {
          id
          name
          source
          verified
        }
        from {
          id
          name
        }
        path {
          id
          name
        }
        level
        dropped
        acknowledged
        reason
      }
    }
  }
`;
