import path from 'node:path';
import { describeIssues, validationError } from '@lineage/domain';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { inputKind, listInputDir, readInputText } from '../input-files';

const text = z.string().trim().min(1);

const runSchema = z.object({
  method: text,
  model: text,
  attack_type: text,
  defense: z.string().trim().default(''),
  attack_success_rate: z.coerce.number().min(0).max(1),
  evaluation_date: z.iso.date(),
  evaluation_llm_provider: z.string().trim().default(''),
});

const outcomeSchema = z.object({
  method: text,
  model: text,
  attack_type: text,
  index: z.coerce.number().int().min(0),
  behavior: text,
  category: text,
  jailbroken: z.enum(['True', 'False']),
});

export type JbbRun = z.output<typeof runSchema> & { at: string };
export type JbbOutcome = z.output<typeof outcomeSchema> & { at: string };

export interface JbbResults {
  runs: JbbRun[];
  outcomes: JbbOutcome[];
}

const SUMMARY = 'jbb_attack_summary.csv';
const OUTCOMES = 'jbb_jailbreak_outcomes.csv';

/** A CSV file's rows against a schema, every bad row named by file and line. */
function readRows<T extends z.ZodType>(
  name: string,
  content: string,
  schema: T,
  problems: string[],
): (z.output<T> & { at: string })[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(content, { columns: true, skip_empty_lines: true, trim: true, info: true });
  } catch (error) {
    problems.push(`${name}: ${(error as Error).message}`);
    return [];
  }
  const parsed: (z.output<T> & { at: string })[] = [];
  for (const { record, info } of rows) {
    const at = `${name}:${info.lines}`;
    const result = schema.safeParse(record);
    if (result.success)
      parsed.push(Object.assign({}, result.data as object, { at }) as z.output<T> & { at: string });
    else problems.push(...describeIssues(result.error, at));
  }
  return parsed;
}

/** Which of the two tables a file holds, from its header. */
function tableOf(name: string, content: string): 'runs' | 'outcomes' {
  const header = (content.split(/\r?\n/, 1)[0] ?? '').split(',').map((cell) => cell.trim());
  if (header.includes('attack_success_rate')) return 'runs';
  if (header.includes('jailbroken')) return 'outcomes';
  throw validationError(
    `${name}:1: not a JailbreakBench table: expected an attack_success_rate (${SUMMARY}) or a jailbroken (${OUTCOMES}) column`,
  );
}

/** JailbreakBench's attack summary and per-behaviour outcomes, from the files or their directory. */
export async function readJailbreakBench(inputs: string[]): Promise<JbbResults> {
  const files: string[] = [];
  for (const input of inputs) {
    if ((await inputKind(input)) === 'directory')
      files.push(...(await listInputDir(input, (name) => name === SUMMARY || name === OUTCOMES)));
    else files.push(input);
  }
  const problems: string[] = [];
  const results: JbbResults = { runs: [], outcomes: [] };
  for (const file of files.sort()) {
    const name = path.basename(file);
    const content = await readInputText(file);
    if (tableOf(name, content) === 'runs')
      results.runs.push(...readRows(name, content, runSchema, problems));
    else results.outcomes.push(...readRows(name, content, outcomeSchema, problems));
  }
  if (problems.length)
    throw validationError(
      `the JailbreakBench tables have ${problems.length} problem(s)`,
      problems.slice(0, 50),
    );
  if (!results.runs.length)
    throw validationError(`no JailbreakBench attack runs (${SUMMARY}) in ${inputs.join(', ')}`);
  return results;
}
