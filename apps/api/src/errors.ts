import { DomainError, isDomainError, type ErrorCode } from '@lineage/domain';
import { GraphQLError } from 'graphql';

/** Codes the API adds to the domain's, for problems found before any resolver runs. */
export type ApiErrorCode =
  | ErrorCode
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_TOKENS'
  | 'BAD_USER_INPUT'
  | 'PAYLOAD_TOO_LARGE';

const HTTP_STATUS: Partial<Record<ApiErrorCode, number>> = {
  QUERY_TOO_COSTLY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  DATABASE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** Problems a user can fix in their input: mutations return these as userErrors. */
export const USER_ERROR_CODES = new Set<ErrorCode>([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'CYCLE',
]);

export function apiError(
  code: ApiErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...details, ...(status ? { http: { status } } : {}) },
  });
}

/** A domain error as the client sees it: its message and a stable `extensions.code`. */
export function fromDomainError(error: DomainError): GraphQLError {
  const details = error.code === 'CYCLE' ? { cycle: error.details.cycle } : {};
  return apiError(error.code, error.message, details);
}

export function isUserError(error: unknown): error is DomainError {
  return isDomainError(error) && USER_ERROR_CODES.has(error.code);
}

/** Rules found in a validation or parse error's message, mapped to a code clients can match. */
export function codeForRejection(message: string, phase: 'parse' | 'validate'): ApiErrorCode {
  if (/depth limit/i.test(message)) return 'QUERY_TOO_DEEP';
  if (/cost limit|query cost/i.test(message)) return 'QUERY_TOO_COSTLY';
  if (/aliases limit|alias/i.test(message)) return 'TOO_MANY_ALIASES';
  if (/token limit/i.test(message)) return 'TOO_MANY_TOKENS';
  return phase === 'parse' ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED';
}

export { DomainError };

/**
 * `instanceof GraphQLError` is unreliable here: graphql ships CommonJS and ESM builds, and the
 * executor may load the other one. Recognise the error by its shape instead.
 */
export function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError' && 'extensions' in error;
}
