import type { ImpactFieldsFragment } from '../../generated/graphql';
import type { ImpactRow } from '../../graph/impact-elements';

export interface DeploymentRow {
  id: string;
  name: string;
  provider: string;
  level: string;
  distance: number;
  path: { id: string; name: string }[];
}

export interface ImpactData {
  /** The day the impact is stated for (the lineage as it stood that day). */
  asOf: string;
  rows: ImpactRow[];
  deployments: DeploymentRow[];
  totals: {
    exposed: number;
    mitigated: number;
    deployments: number;
    byLevel: { level: string; count: number }[];
  };
  shown: number;
}

/**
 * The fields every impact view asks for (defect page and what-if), as a fragment: a query that
 * spreads `...ImpactFields` is sent with this text after it.
 */
export const IMPACT_FIELDS = /* GraphQL */ `
  fragment ImpactFields on Impact {
    asOf
    totals {
      exposed
      mitigated
      deployments
      byLevel {
        level
        count
      }
    }
    mitigated {
      node {
        id
        name
        kind
      }
      level
      distance
      path {
        id
      }
    }
    deploymentsByProvider {
      provider {
        name
      }
      deployments {
        node {
          id
          name
        }
        level
        distance
        path {
          id
          name
        }
      }
    }
    exposed {
      totalCount
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
          }
        }
      }
    }
  }
`;

type RawRow = ImpactFieldsFragment['mitigated'][number];

/** The API's answer as the view's plain rows. */
export function toImpactData(raw: ImpactFieldsFragment): ImpactData {
  const row = (r: RawRow, mitigated: boolean) => ({
    id: r.node.id,
    name: r.node.name,
    kind: r.node.kind,
    level: r.level,
    distance: r.distance,
    path: r.path.map((step) => step.id),
    mitigated,
  });
  return {
    asOf: raw.asOf,
    rows: [
      ...raw.exposed.edges.map((edge) => row(edge.node, false)),
      ...raw.mitigated.map((r) => row(r, true)),
    ],
    deployments: raw.deploymentsByProvider.flatMap((group) =>
      group.deployments.map((d) => ({
        id: d.node.id,
        name: d.node.name,
        provider: group.provider?.name ?? 'Unknown operator',
        level: d.level,
        distance: d.distance,
        path: d.path,
      })),
    ),
    totals: raw.totals,
    shown: raw.exposed.edges.length,
  };
}
