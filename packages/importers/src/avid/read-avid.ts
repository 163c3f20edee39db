import path from 'node:path';
import { isDomainError, validationError } from '@lineage/domain';
import { z } from 'zod';
import { inputKind, listInputDir, readInputText } from '../input-files';
import { parseStrictJson } from '../strict-json';

const reportSchema = z.object({
  metadata: z.object({ report_id: z.string().regex(/^AVID-\d{4}-R\d{4,}$/) }),
  affects: z.object({
    developer: z.array(z.string()).default([]),
    deployer: z.array(z.string()).default([]),
    artifacts: z.array(z.object({ type: z.string(), name: z.string() })).default([]),
  }),
  problemtype: z
    .object({
      classof: z.string(),
      type: z.string(),
      description: z.object({ value: z.string() }).partial().optional(),
    })
    .partial()
    .optional(),
  // Each tool writes its own shape (garak's detector rows, 0DIN's test scores, Inspect's
  // scorers): read where needed (measured-failures.ts).
  metrics: z.array(z.unknown()).default([]),
  description: z.object({ value: z.string() }).partial().optional(),
  references: z
    .array(z.object({ url: z.string().optional(), label: z.string().optional() }))
    .default([]),
  reported_date: z.string().optional(),
  impact: z
    .object({
      avid: z.object({ sep_view: z.array(z.string()).default([]) }).partial(),
      // 0DIN's disclosures: the jailbreak technique(s) used.
      odin: z
        .object({
          JailbreakTaxonomy: z
            .array(
              z
                .object({ Category: z.string(), Strategy: z.string(), Technique: z.string() })
                .partial(),
            )
            .default([]),
        })
        .partial(),
    })
    .partial()
    .optional(),
});

export type AvidReport = z.output<typeof reportSchema> & { at: string };

/** AVID reports from files or directories (searched recursively for *.json). */
export async function readAvidReports(inputs: string[]): Promise<AvidReport[]> {
  const files: { file: string; root?: string }[] = [];
  for (const input of inputs) {
    if ((await inputKind(input)) === 'directory') {
      const found = await listInputDir(input, (name) => name.endsWith('.json'), {
        recursive: true,
      });
      files.push(...found.map((file) => ({ file, root: input })));
    } else files.push({ file: input });
  }
  if (!files.length)
    throw validationError(`${inputs.join(', ')}: no AVID reports (*.json) to read`);
  const problems: string[] = [];
  const reports: AvidReport[] = [];
  for (const { file, root } of files.sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const at = path.basename(file);
    let json: unknown;
    try {
      json = parseStrictJson(await readInputText(file, root), at);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push(error.message);
      continue;
    }
    const parsed = reportSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => `${at}: ${i.path.join('.')}: ${i.message}`));
      continue;
    }
    reports.push({ ...parsed.data, at });
  }
  if (problems.length)
    throw validationError(
      `the AVID reports have ${problems.length} problem(s)`,
      problems.slice(0, 50),
    );
  return reports;
}
