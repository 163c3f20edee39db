import { DEFECT_CATEGORIES, DEFECT_STATUSES, SEVERITIES } from '@lineage/domain';
import { z } from 'zod';

export const DEFECTS_INDEX = /* GraphQL */ `
  query DefectsIndex($filter: DefectFilter, $after: String) {
    defects(filter: $filter, orderBy: NEWEST_FIRST, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          category
          severity
          status
          disclosedAt
        }
      }
    }
  }
`;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => {
  const text = first(value);
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
};
const option = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values).optional());
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
    .optional(),
);

/** The index's filters, from its URL: a form with GET, so every filtered list has a link. */
export const defectsParamsSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  severity: option(SEVERITIES),
  category: option(DEFECT_CATEGORIES),
  status: option(DEFECT_STATUSES),
  from: day,
  to: day,
  after: z.preprocess(blankToUndefined, z.string().max(200).optional()),
});

export type DefectsParams = z.output<typeof defectsParamsSchema>;

/** The filters as the API's DefectFilter; a problem in words when the URL holds a bad value. */
export function readDefectsParams(search: Record<string, unknown>): {
  params: DefectsParams;
  problem?: string;
} {
  const parsed = defectsParamsSchema.safeParse(search);
  if (parsed.success) return { params: parsed.data };
  const problem = parsed.error.issues
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  return { params: {}, problem: `Some filters in the link were ignored (${problem}).` };
}

export const toDefectFilter = (params: DefectsParams) => ({
  nameContains: params.q ?? null,
  severity: params.severity ?? null,
  category: params.category ?? null,
  status: params.status ?? null,
  disclosedFrom: params.from ?? null,
  disclosedTo: params.to ?? null,
});
