import { describeIssues, validationError } from '@lineage/domain';
import type { z } from 'zod';

/**
 * A record built from a source, checked against a domain schema. A record that does not fit
 * is refused as `at: path: message` (at = file:line or file and record), never as a raw
 * ZodError that names neither the file nor the line.
 */
export function parseRecord<T extends z.ZodType>(
  schema: T,
  value: unknown,
  at: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(
    `${at}: the record does not fit Lineage's schema`,
    describeIssues(result.error).map((problem) => `${at}: ${problem}`),
  );
}
