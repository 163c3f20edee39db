import '../../lib/zod-without-eval';
import { groupOfId, MAX_ID_LENGTH } from '@lineage/domain';
import { z } from 'zod';

/** Expansions one explorer URL may ask for; the rest are dropped with a notice. */
export const MAX_EXPANSIONS = 20;

const SIDES = new Set(['UPSTREAM', 'DOWNSTREAM']);
const LINEAGE_GROUPS = new Set(['Model', 'Dataset', 'Deployment']);

/** A parameter given twice (`?a=1&a=2`, as Next passes it: an array) reads as its first value. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const list = z.preprocess(
  (value) => (Array.isArray(value) ? value.join(',') : value),
  z
    .string()
    .optional()
    .transform((text) => (text ? text.split(',').filter(Boolean) : [])),
);

export interface Expansions {
  /** Distinct, well-formed `id~SIDE` entries, at most MAX_EXPANSIONS, in the URL's order. */
  kept: string[];
  /** Entries that are not `<model, dataset or deployment id>~UPSTREAM|DOWNSTREAM`. */
  invalid: string[];
  /** Well-formed distinct entries past MAX_EXPANSIONS. */
  overLimit: number;
}

/**
 * Reads the `expand` parameter. A URL is anyone's to write, and each expansion is work for the
 * API: repeats count once, malformed entries are dropped, and at most MAX_EXPANSIONS are kept.
 */
export function readExpansions(value: unknown): Expansions {
  return boundExpansions(list.parse(value));
}

function boundExpansions(entries: string[]): Expansions {
  const kept: string[] = [];
  const invalid: string[] = [];
  const distinct = new Set<string>();
  for (const entry of entries) {
    const separator = entry.lastIndexOf('~');
    const id = entry.slice(0, separator);
    const side = entry.slice(separator + 1);
    const group = separator > 0 && id.length <= MAX_ID_LENGTH ? groupOfId(id) : undefined;
    if (!group || !LINEAGE_GROUPS.has(group) || !SIDES.has(side)) {
      invalid.push(entry);
      continue;
    }
    if (distinct.has(entry)) continue;
    distinct.add(entry);
    if (kept.length < MAX_EXPANSIONS) kept.push(entry);
  }
  return { kept, invalid, overLimit: distinct.size - kept.length };
}

/** Everything a shared explorer URL says; unknown or malformed values fall back to defaults. */
export const exploreParamsSchema = z.object({
  focus: z.preprocess(first, z.string().optional()),
  direction: z.preprocess(
    first,
    z.enum(['UPSTREAM', 'DOWNSTREAM', 'BOTH']).catch('BOTH').default('BOTH'),
  ),
  depth: z.preprocess(first, z.coerce.number().int().min(1).max(10).catch(2).default(2)),
  max: z.preprocess(first, z.coerce.number().int().min(10).max(2000).catch(500).default(500)),
  relations: list,
  /** Kinds hidden by the filter. */
  hide: list,
  /** Nodes expanded in place: `id~UPSTREAM` or `id~DOWNSTREAM` (see readExpansions). */
  expand: list.transform((entries) => boundExpansions(entries).kept),
  /** Collapsed fan-outs opened by a click. */
  open: list,
  selected: z.preprocess(first, z.string().optional()),
});

export type ExploreParams = z.output<typeof exploreParamsSchema>;

export function toSearch(
  params: Partial<Record<keyof ExploreParams, string | number | string[] | undefined>>,
) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return search.toString();
}
