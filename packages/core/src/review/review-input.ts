import { DomainError } from '@lineage/domain';

/** A person's answer to a proposed match, as the CLI and the API take it. */
export interface ReviewInput {
  /** The name as the source writes it. */
  name: string;
  /** The owner the source states with it; left out or empty when it states none. */
  owner?: string;
  /** The stored node the name is (accept) or is not (reject). */
  id: string;
  verdict: 'accept' | 'reject';
  note?: string;
}

export interface InputProblem {
  field: string;
  message: string;
}

/** Names and owners as sources write them; ids as the store keeps them; a sentence or two. */
export const REVIEW_LIMITS = { name: 200, owner: 200, id: 500, note: 1000 } as const;

const VERDICTS: readonly string[] = ['accept', 'reject'];

function textProblem(
  field: keyof typeof REVIEW_LIMITS,
  value: unknown,
  required: boolean,
): InputProblem | undefined {
  if (value === undefined || value === null) {
    return required ? { field, message: `${field} is required` } : undefined;
  }
  if (typeof value !== 'string') return { field, message: `${field} must be text` };
  if (required && !value.trim()) return { field, message: `${field} must not be empty` };
  if (value.length > REVIEW_LIMITS[field])
    return {
      field,
      message: `${field} must be at most ${REVIEW_LIMITS[field]} characters (got ${value.length})`,
    };
  return undefined;
}

/** Every problem of a review's input, each naming its field; none means it may be stored. */
export function reviewInputProblems(input: Partial<Record<keyof ReviewInput, unknown>>) {
  const problems = [
    textProblem('name', input.name, true),
    textProblem('owner', input.owner, false),
    textProblem('id', input.id, true),
    textProblem('note', input.note, false),
  ].filter((problem): problem is InputProblem => problem !== undefined);
  if (!VERDICTS.includes(input.verdict as string))
    problems.push({ field: 'verdict', message: 'verdict must be accept or reject' });
  return problems;
}

/** The problems as one VALIDATION error (for callers without fields of their own to fill). */
export function reviewInputError(problems: InputProblem[]): DomainError {
  return new DomainError(
    'VALIDATION',
    `the review is not valid: ${problems.map((problem) => problem.message).join('; ')}`,
    { problems },
  );
}
