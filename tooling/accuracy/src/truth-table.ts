import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

export const TRUTH_SOURCES = ['ecosystem-graphs', 'avid', 'jailbreakbench'] as const;

const rowSchema = z.strictObject({
  source: z.enum(TRUTH_SOURCES),
  /** EG: the assets file; AVID: the report id; JBB: the csv file. */
  record: z.string().min(1),
  role: z.enum(['asset', 'dependency', 'artifact', 'target']),
  name: z.string().min(1),
  context: z.string(),
  /** A node id, `eg:<organization>/<asset name>`, or `none`. */
  expected: z.string().min(1),
  evidence: z.string().min(1),
});

export type TruthRow = z.output<typeof rowSchema>;

/** The hand-labelled table; a row that breaks the shape is named with its index. */
export async function readTruthTable(file: string): Promise<TruthRow[]> {
  const parsed = z.array(rowSchema).safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `row ${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
