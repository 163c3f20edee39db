/** The most problems one page (or its CSV) lists: the API's largest page. */
export const LICENCE_ROWS = 500;

/**
 * The whole-graph licence check: the count of each kind, and the problems of the kind asked.
 * The API computes the check once per graph version, so the three fields share one computation.
 * Priced at about 42,000 for 500 rows (each path priced 20 deep), under the API's 100,000.
 */
export const LICENCE_CHECK = /* GraphQL */ `
  query LicenceCheckPage($kind: LicenceProblemKind, $first: Int!) {
    conflicts: licenceCheck(kind: CONFLICTS, first: 0) {
      count
    }
    drops: licenceCheck(kind: DROPS, first: 0) {
      count
    }
    shown: licenceCheck(kind: $kind, first: $first) {
      graphVersion
      checked
      count
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
