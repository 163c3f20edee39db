import { ApiError } from './api';

/** An error of a file route (/api/bom, /api/vex) as JSON, its code as the API names it. */
export const fileProblem = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

const STATUS: Record<string, number> = { NOT_FOUND: 404, VALIDATION: 400, BAD_USER_INPUT: 400 };

/** What the API refused, with its status; anything else masked as `unexpected` says. */
export function fileRouteError(error: unknown, unexpected: string): Response {
  if (error instanceof ApiError)
    return fileProblem(STATUS[error.code] ?? 502, error.code, error.message);
  return fileProblem(500, 'INTERNAL', unexpected);
}
