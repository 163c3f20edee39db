import { describeIssues } from '@lineage/domain';
import type { ChangeInfo } from '@lineage/core';
import type { z } from 'zod';
import type { Context } from '../../context';
import { apiError, isUserError } from '../../errors';

export interface UserError {
  code: string;
  message: string;
  field: string[];
}

/** The caller must hold a write token; its name goes into the audit trail. */
export function requireWriter(ctx: Context): string {
  if (ctx.viewer.canWrite && ctx.viewer.name) return ctx.viewer.name;
  if (ctx.viewer.name) {
    throw apiError('FORBIDDEN', 'this token may read but not write');
  }
  throw apiError(
    'UNAUTHENTICATED',
    ctx.viewer.rejectedToken
      ? 'the bearer token is not valid'
      : 'writes need an Authorization: Bearer <token> header with a write token',
  );
}

/**
 * Runs one audited write. Problems the caller can fix (bad input, unknown ids, conflicts,
 * cycles) come back as userErrors; the store wrote nothing in that case.
 */
export async function mutate<T extends object>(
  ctx: Context,
  action: string,
  work: (change: Omit<ChangeInfo, 'summary'>) => Promise<T>,
): Promise<T | { userErrors: UserError[] }> {
  const by = requireWriter(ctx);
  try {
    const result = await work({ by, action });
    ctx.loaders.clearAll();
    return { ...result, userErrors: [] };
  } catch (error) {
    if (error instanceof InputError) return { userErrors: error.userErrors };
    if (isUserError(error)) {
      return { userErrors: [{ code: error.code, message: error.message, field: [] }] };
    }
    throw error;
  }
}

/** Input that failed its schema: one userError per problem, with the field's path. */
export class InputError extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join('; '));
  }
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      code: 'VALIDATION',
      message: describeIssues({ issues: [issue] } as z.ZodError, 'input')[0]!,
      field: ['input', ...issue.path.map(String)],
    })),
  );
}
