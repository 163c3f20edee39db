import { z } from 'zod';

// garak's AVID export: one metric "Count failed" whose rows give, per detector, how many of the
// attempts evaluated passed (score = passed / total_evaluated, in percent).
const garakMetricSchema = z.object({
  detection_method: z.object({ name: z.literal('Count failed') }),
  results: z.object({
    rows: z.array(
      z.object({
        detector: z.string(),
        passed: z.number().int().nonnegative(),
        total_evaluated: z.number().int().nonnegative(),
      }),
    ),
  }),
});

type DetectorRow = z.output<typeof garakMetricSchema>['results']['rows'][number];

/** The detector rows of a report's garak metrics; empty when it has none. */
export function garakRows(metrics: readonly unknown[]): DetectorRow[] {
  return metrics.flatMap((metric) => {
    const parsed = garakMetricSchema.safeParse(metric);
    return parsed.success ? parsed.data.results.rows : [];
  });
}

/**
 * Why a report measured no failure at all, or undefined when it measured some or measured
 * nothing countable. A garak run in which every detector passed every attempt found no flaw:
 * it is evidence of the model's behaviour, not a defect of it.
 */
export function noFailureMeasured(metrics: readonly unknown[]): string | undefined {
  const rows = garakRows(metrics);
  if (!rows.length || rows.some((row) => row.passed < row.total_evaluated)) return undefined;
  const tallies = rows.map((row) => `${row.detector} ${row.passed}/${row.total_evaluated}`);
  return `every detector passed every attempt (${tallies.join(', ')})`;
}
