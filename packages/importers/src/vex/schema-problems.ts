/** What a JSON schema validator (ajv, also inside the CycloneDX library) reports per failure. */
interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** More problems than this tell a reader nothing more: the document is not the format. */
const MAX_PROBLEMS = 20;

/** `/statements/3/products/0` as `statements[3].products[0]`; the root as `(document)`. */
export function documentPath(pointer: string): string {
  if (!pointer) return '(document)';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function describe(error: SchemaError, branches: SchemaError[]): string {
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return `missing ${String(params.missingProperty)}`;
    case 'additionalProperties':
      return `unknown property '${String(params.additionalProperty)}'`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'anyOf':
    case 'oneOf': {
      const needs = branches.filter((b) => b.keyword === 'required');
      return needs.length === branches.length && needs.length
        ? `needs one of ${needs.map((b) => String(b.params.missingProperty)).join(', ')}`
        : `matches none of the shapes the schema allows (${error.keyword})`;
    }
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * A validator's errors as one line each, naming the document path. A failed anyOf is told once
 * (its branches' failures restate it) and an if/then by what the `then` asks.
 */
export function schemaProblems(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [`(document): ${JSON.stringify(errors)}`];
  const all = errors as SchemaError[];
  const combinators = all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const branchesOf = (c: SchemaError) =>
    all.filter(
      (e) =>
        e !== c &&
        e.schemaPath.startsWith(`${c.schemaPath}/`) &&
        (e.instancePath === c.instancePath || e.instancePath.startsWith(`${c.instancePath}/`)),
    );
  const inBranch = new Set(combinators.flatMap(branchesOf));
  const lines = all
    .filter((e) => e.keyword !== 'if' && !inBranch.has(e))
    .map((e) => `${documentPath(e.instancePath)}: ${describe(e, branchesOf(e))}`);
  const unique = [...new Set(lines)];
  return unique.length > MAX_PROBLEMS
    ? [...unique.slice(0, MAX_PROBLEMS), `... and ${unique.length - MAX_PROBLEMS} more`]
    : unique;
}
