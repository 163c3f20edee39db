/**
 * A node's licence: what it declares, the binding terms it inherits and where the two part.
 * Priced by the API at about 22,000 (inherited terms and own problems 100 each, their paths 20
 * deep; upstream problems 500, without paths), so it stays a request of its own beside the others.
 */
/** A licence record as the page shows it: its name, its text's source, its obligations. */
const LICENCE_RECORD = /* GraphQL */ `
  fragment LicenceRecord on Licence {
    id
    name
    source
    verified
    obligations {
      attribution
      naming
      acceptableUse
      userThreshold
      outputUse
      nonCommercial
      shareAlike
      bindsDerivatives
    }
  }
`;

export const NODE_LICENCE = /* GraphQL */ `
  ${LICENCE_RECORD}
  query NodeLicence($id: ID!) {
    nodeLicence(id: $id) {
      text
      declared {
        spdx
        ...LicenceRecord
      }
      alsoNamed {
        id
        name
        source
      }
      inherited {
        licence {
          ...LicenceRecord
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
      }
      problems {
        kind
        reason
        dropped
        acknowledged
        level
        inherited {
          ...LicenceRecord
        }
        declared {
          id
          name
        }
        from {
          id
          name
        }
        path {
          id
          name
        }
      }
      upstream {
        kind
        reason
        level
        node {
          id
          name
        }
        from {
          id
          name
        }
      }
    }
  }
`;
