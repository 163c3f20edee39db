/**
 * A node's licence: what it declares, the binding terms it inherits and where the two part.
 * Priced by the API at about 22,000 (inherited terms and own problems 100 each, their paths 20
 * deep; upstream problems 500, without paths), so it stays a request of its own beside the others.
 */
export const NODE_LICENCE = /* GraphQL */ `
  query NodeLicence($id: ID!) {
    nodeLicence(id: $id) {
      text
      declared {
        id
        name
        spdx
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
      alsoNamed {
        id
        name
        source
      }
      inherited {
        licence {
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
