import { validationError } from '@lineage/domain';

/** Deeper than any real import file nests; deeper documents overflow recursive readers. */
export const MAX_JSON_DEPTH = 200;

interface Container {
  keys?: Set<string>;
  expectKey: boolean;
}

/**
 * JSON.parse, refusing what it lets through silently: a key repeated in one object (JSON.parse
 * keeps the last, so two sources of truth become one without a word) and nesting deeper than
 * MAX_JSON_DEPTH. Every error names `at`, and the line when the text has several.
 */
export function parseStrictJson(text: string, at: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw validationError(`${at}: not JSON (${(error as Error).message})`);
  }
  const problem = scanJson(text);
  if (problem)
    throw validationError(
      `${at}${problem.line > 1 || text.includes('\n') ? `:${problem.line}` : ''}: ${problem.message}`,
    );
  return value;
}

/** The first duplicate key or excessive nesting of valid JSON text, with its line. */
function scanJson(text: string): { line: number; message: string } | undefined {
  const stack: Container[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') line++;
    else if (char === '{' || char === '[') {
      stack.push(char === '{' ? { keys: new Set(), expectKey: true } : { expectKey: false });
      if (stack.length > MAX_JSON_DEPTH)
        return { line, message: `nested deeper than ${MAX_JSON_DEPTH} levels; not read` };
    } else if (char === '}' || char === ']') stack.pop();
    else if (char === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    } else if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key))
          return { line, message: `the key "${key}" appears twice in one object` };
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    }
  }
  return undefined;
}
