import type { DeploymentPathsFragment, ImpactFieldsFragment } from '../../generated/graphql';
import type { Hop, ImpactRow } from '../../graph/impact-elements';

export interface DeploymentRow {
  id: string;
  name: string;
  /** The operators, joined: a deployment some providers share is listed once. */
  provider: string;
  level: string;
  distance: number;
  path: { id: string; name: string; kind: string }[];
  hops: Hop[];
  /** Its triage state for the defect; undefined when no one has triaged it. */
  triage?: string;
}

export interface Count {
  key: string;
  count: number;
}

export interface ImpactData {
  /** The day the impact is stated for (the lineage as it stood that day). */
  asOf: string;
  /** The strongest and nearest exposed nodes (the API's first page), and the mitigated ones. */
  rows: ImpactRow[];
  /** Every exposed deployment the API lists, with its path hop by hop. */
  deployments: DeploymentRow[];
  /** How far the triage of the exposed deployments has come (a filed defect's impact only). */
  triage?: { exposedDeployments: number; untriaged: number };
  /** Deployments shown not to be affected (a mitigation, or a triage that stops the defect). */
  stoppedDeployments: { id: string; name: string; triage?: string }[];
  totals: {
    exposed: number;
    mitigated: number;
    deployments: number;
    byLevel: { level: string; count: number }[];
    byDistance: Count[];
    byRelation: Count[];
    byKind: Count[];
    byOperator: Count[];
  };
  shown: number;
}

/**
 * The fields every impact view asks for (defect page and what-if), as a fragment: a query that
 * spreads `...ImpactFields` is sent with this text after it. Counts come from the whole impact;
 * the exposed page is the nearest and strongest few, the graph's context around the deployments.
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
      byKind {
        kind
        count
      }
      byDistance {
        distance
        count
      }
      byRelation {
        relation
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
      triage {
        state
      }
    }
    triage {
      exposedDeployments
      untriaged
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
        triage {
          state
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
          hops {
            relation
            declared
          }
        }
      }
    }
  }
`;

/**
 * Every exposed deployment's path, hop by hop: asked in a request of its own (an impact with
 * kinds: [Deployment], first: 500), since with the rest it would pass the API's cost limit.
 */
export const DEPLOYMENT_PATHS = /* GraphQL */ `
  fragment DeploymentPaths on Impact {
    exposed {
      edges {
        node {
          node {
            id
          }
          path {
            id
            name
            kind
          }
          hops {
            relation
            declared
            transmits
            level
          }
        }
      }
    }
  }
`;

type RawRow = Omit<ImpactFieldsFragment['mitigated'][number], 'triage'> & {
  hops?: ImpactFieldsFragment['exposed']['edges'][number]['node']['hops'];
};
type RawHop = { relation: string; declared: boolean; transmits?: string; level?: string };
/** Hop i reaches the path's node i + 1: the API does not repeat its id. */
const toHops = (hops: RawHop[], path: { id: string }[]): Hop[] =>
  hops.map((hop, i) => ({ ...hop, to: path[i + 1]?.id ?? '', distance: i + 1 }));

/** The API's answer as the view's plain rows. */
export function toImpactData(
  raw: ImpactFieldsFragment,
  deploymentPaths?: DeploymentPathsFragment,
): ImpactData {
  const paths = new Map(
    deploymentPaths?.exposed.edges.map(({ node }) => [node.node.id, node] as const) ?? [],
  );
  const row = (r: RawRow, mitigated: boolean) => ({
    id: r.node.id,
    name: r.node.name,
    kind: r.node.kind,
    level: r.level,
    distance: r.distance,
    path: r.path.map((step) => step.id),
    hops: r.hops && toHops(r.hops, r.path),
    mitigated,
  });
  const deployments = new Map<string, DeploymentRow>();
  const byOperator: Count[] = [];
  for (const group of raw.deploymentsByProvider) {
    const provider = group.provider?.name ?? 'Unknown operator';
    byOperator.push({ key: provider, count: group.deployments.length });
    for (const d of group.deployments) {
      const known = deployments.get(d.node.id);
      if (known) {
        known.provider = `${known.provider}, ${provider}`;
        continue;
      }
      deployments.set(d.node.id, {
        id: d.node.id,
        name: d.node.name,
        provider,
        level: d.level,
        distance: d.distance,
        path: paths.get(d.node.id)?.path ?? [],
        hops: toHops(paths.get(d.node.id)?.hops ?? [], paths.get(d.node.id)?.path ?? []),
        ...(d.triage ? { triage: d.triage.state } : {}),
      });
    }
  }
  return {
    asOf: raw.asOf,
    rows: [
      ...raw.exposed.edges.map((edge) => row(edge.node, false)),
      ...raw.mitigated.map((r) => row(r, true)),
    ],
    deployments: [...deployments.values()],
    triage: raw.triage ?? undefined,
    stoppedDeployments: raw.mitigated
      .filter((r) => r.node.kind === 'Deployment')
      .map((r) => ({ id: r.node.id, name: r.node.name, triage: r.triage?.state })),
    totals: {
      exposed: raw.totals.exposed,
      mitigated: raw.totals.mitigated,
      deployments: raw.totals.deployments,
      byLevel: raw.totals.byLevel,
      byDistance: raw.totals.byDistance.map((c) => ({ key: String(c.distance), count: c.count })),
      byRelation: raw.totals.byRelation.map((c) => ({ key: c.relation, count: c.count })),
      byKind: raw.totals.byKind.map((c) => ({ key: c.kind, count: c.count })),
      byOperator,
    },
    shown: raw.exposed.edges.length,
  };
}
