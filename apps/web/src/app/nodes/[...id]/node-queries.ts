/** The node page's queries: its record, the lineage and exposure around it, defects' origins. */

export const NODE = /* GraphQL */ `
  query NodePage($id: ID!) {
    node(id: $id) {
      id
      name
      kind
      aliases
      sources
      verified
      releasedAt
      updatedAt
      provenance {
        origin
        record
      }
      maker: outgoing(types: [DEVELOPED_BY, OPERATED_BY]) {
        type
        declared
        provenance {
          origin
          record
          matchedBy
        }
        to {
          id
        }
      }
      ... on LineageNode {
        retiredAt
        parents {
          type
          declared
          validFrom
          validTo
          sources
          provenance {
            origin
            record
            matchedBy
          }
          to {
            id
            name
            kind
          }
        }
        children(first: 50) {
          totalCount
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
      ... on Model {
        license
        access
        parameters
        modality
        provider {
          id
          name
        }
        snapshotOf: outgoing(types: [SNAPSHOT_OF]) {
          to {
            id
            name
          }
        }
        snapshots: incoming(types: [SNAPSHOT_OF], first: 100) {
          edges {
            node {
              from {
                id
                name
                releasedAt
              }
            }
          }
        }
      }
      ... on Dataset {
        license
        access
        provider {
          id
          name
        }
      }
      ... on Deployment {
        license
        access
        monthlyActiveUsers
        operator {
          id
          name
        }
      }
    }
  }
`;

/** The hop into a defect's path: which nodes it was found in, and how each was matched. */
export const DEFECT_ORIGINS = /* GraphQL */ `
  query DefectOrigins($id: ID!) {
    node(id: $id) {
      id
      outgoing(types: [AFFECTS]) {
        type
        declared
        provenance {
          origin
          record
          matchedBy
        }
        to {
          id
        }
      }
    }
  }
`;

export const AROUND = /* GraphQL */ `
  query Around($id: ID!, $asOf: Date) {
    upstream: lineage(id: $id, direction: UPSTREAM, depth: 10, maxNodes: 500, asOf: $asOf) {
      truncated
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
        validFrom
        validTo
        provenance {
          origin
          record
          matchedBy
        }
        from {
          id
        }
        to {
          id
        }
      }
    }
    downstream: lineage(id: $id, direction: DOWNSTREAM, depth: 20, maxNodes: 2000, asOf: $asOf) {
      truncated
      nodes {
        distance
        node {
          kind
        }
      }
    }
  }
`;

/** Apart from AROUND: together they would pass the API's cost limit. */
export const EXPOSURE = /* GraphQL */ `
  query NodeExposure($id: ID!, $asOf: Date) {
    exposure(nodeId: $id, asOf: $asOf, includeStopped: true) {
      level
      distance
      mitigated
      triage {
        state
        justification
      }
      stoppedBy {
        id
        name
      }
      windows {
        from
        to
        level
        mitigated
      }
      defect {
        id
        name
        severity
        category
      }
      path {
        id
        name
      }
    }
  }
`;
