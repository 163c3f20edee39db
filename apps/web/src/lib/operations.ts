import {
  DEFECT_CATEGORIES,
  LINEAGE_RELATIONS,
  MAX_ID_LENGTH,
  NODE_KINDS,
  SEVERITIES,
} from '@lineage/domain';
import { z } from 'zod';
import { DEPLOYMENT_PATHS, IMPACT_FIELDS } from '../components/impact/impact-data';
import { IMPACT_PAGE, LIST_PAGE_SIZE } from '../components/impact/exposed-page';
import type {
  HopsQuery,
  ImpactPageQuery,
  PanelQuery,
  SuggestQuery,
  WhatIfDeploymentsQuery,
  WhatIfQuery,
} from '../generated/graphql';

const id = z.string().min(1).max(MAX_ID_LENGTH);
/** Mitigations the what-if form lets a person assume at once. */
export const MAX_ASSUMED = 20;
/** A calendar day as the API's Date takes it; the API names a date that does not exist. */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

const WHAT_IF = /* GraphQL */ `
  query WhatIf(
    $node: ID!
    $category: DefectCategory!
    $severity: Severity!
    $asOf: Date
    $assume: [ID!]
  ) {
    whatIf(
      nodeId: $node
      category: $category
      severity: $severity
      first: 60
      asOf: $asOf
      assumeMitigations: $assume
    ) {
      ...ImpactFields
    }
  }
`;

const WHAT_IF_DEPLOYMENTS = /* GraphQL */ `
  query WhatIfDeployments(
    $node: ID!
    $category: DefectCategory!
    $severity: Severity!
    $asOf: Date
    $assume: [ID!]
  ) {
    whatIf(
      nodeId: $node
      category: $category
      severity: $severity
      first: 500
      kinds: [Deployment]
      asOf: $asOf
      assumeMitigations: $assume
    ) {
      ...DeploymentPaths
    }
  }
`;

/**
 * Every GraphQL operation the browser may have the web app run, by name. The browser sends a
 * name and variables only; the web app's route runs the document kept here with its own read
 * token, after checking the variables against the schema beside it. Nothing else passes, so
 * the token reads only what the web app's own pages show.
 */
export const BROWSER_OPERATIONS = {
  /** Search suggestions while typing. */
  Suggest: {
    document: /* GraphQL */ `
      query Suggest($text: String!, $kinds: [NodeKind!]) {
        search(text: $text, kinds: $kinds, first: 8) {
          totalCount
          totalCountCapped
          edges {
            node {
              match
              node {
                id
                name
                kind
              }
            }
          }
        }
      }
    `,
    variables: z.strictObject({
      text: z.string().trim().min(1).max(200),
      kinds: z.array(z.enum(NODE_KINDS)).max(NODE_KINDS.length).optional(),
    }),
  },
  /** The explorer's details of the selected node. */
  Panel: {
    document: /* GraphQL */ `
      query Panel($id: ID!) {
        node(id: $id) {
          id
          name
          kind
          sources
          verified
          releasedAt
          provenance {
            origin
            record
          }
          ... on Model {
            license
            access
            parameters
            provider {
              id
              name
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
          ... on LineageNode {
            parents {
              type
            }
            children(first: 1) {
              totalCount
            }
          }
        }
      }
    `,
    variables: z.strictObject({ id }),
  },
  /** The relationships along a deployment's witness path, with their provenance. */
  Hops: {
    document: /* GraphQL */ `
      query Hops($id: ID!, $depth: Int!, $asOf: Date) {
        lineage(id: $id, direction: UPSTREAM, depth: $depth, maxNodes: 500, asOf: $asOf) {
          edges {
            type
            declared
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
      }
    `,
    variables: z.strictObject({
      id,
      depth: z.number().int().min(1).max(20),
      asOf: date.optional(),
    }),
  },
  /** The what-if page's impact of a hypothetical defect. */
  WhatIf: {
    document: WHAT_IF + IMPACT_FIELDS,
    variables: z.strictObject({
      node: id,
      category: z.enum(DEFECT_CATEGORIES),
      severity: z.enum(SEVERITIES),
      asOf: date.optional(),
      /** Nodes assumed to mitigate the hypothetical defect (the what-if form's picks). */
      assume: z.array(id).max(MAX_ASSUMED).optional(),
    }),
  },
  /** The what-if page's exposed deployments with their paths, hop by hop. */
  WhatIfDeployments: {
    document: WHAT_IF_DEPLOYMENTS + DEPLOYMENT_PATHS,
    variables: z.strictObject({
      node: id,
      category: z.enum(DEFECT_CATEGORIES),
      severity: z.enum(SEVERITIES),
      asOf: date.optional(),
      assume: z.array(id).max(MAX_ASSUMED).optional(),
    }),
  },
  /** The defect page's paged list of every exposed node, or of one aggregate group. */
  ImpactPage: {
    document: IMPACT_PAGE,
    variables: z.strictObject({
      id,
      asOf: date.optional(),
      disclosedOnly: z.boolean().optional(),
      first: z.number().int().min(1).max(LIST_PAGE_SIZE),
      after: z.string().max(200).optional(),
      kinds: z.array(z.enum(NODE_KINDS)).max(NODE_KINDS.length).optional(),
      distance: z.number().int().min(0).max(100).optional(),
      relation: z.enum(LINEAGE_RELATIONS).optional(),
    }),
  },
} as const;

export type BrowserOperation = keyof typeof BROWSER_OPERATIONS;

/** What each operation answers: the types generated from its document (npm run codegen). */
export interface BrowserResults {
  Suggest: SuggestQuery;
  Panel: PanelQuery;
  WhatIf: WhatIfQuery;
  Hops: HopsQuery;
  ImpactPage: ImpactPageQuery;
  WhatIfDeployments: WhatIfDeploymentsQuery;
}
export type BrowserVariables<Name extends BrowserOperation> = z.input<
  (typeof BROWSER_OPERATIONS)[Name]['variables']
>;

export function isBrowserOperation(name: unknown): name is BrowserOperation {
  return typeof name === 'string' && Object.hasOwn(BROWSER_OPERATIONS, name);
}
