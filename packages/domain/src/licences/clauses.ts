/** One clause of a licence field: the text between commas, semicolons or line breaks. */
export interface Clause {
  at: number;
  text: string;
  /** The clause without parentheses or surrounding punctuation: what a bare name must equal. */
  core: string;
  /** It speaks of code only ("code under MIT", "GPLv3 (code)"), not of the model. */
  codeOnly: boolean;
  /** It speaks of an ancestor ("derived from ...", "subject to ...", "originally under ..."). */
  context: boolean;
  /** "Modified MIT License" is another licence, not MIT. */
  modified: boolean;
}

const CODE = /\bcode\b/i;
const MODEL = /\b(?:model|weights?|checkpoints?)\b/i;
const CONTEXT =
  /\b(?:derived|based\s+on|originally|subject\s+to|fine-?tuned\s+from|inherit\w*|built\s+(?:on|with))\b/i;
const MODIFIED = /\bmodified\b/i;

/** Splits at separators outside parentheses and brackets, which hold asides, not clauses. */
export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  let depth = 0;
  let start = 0;
  const close = (end: number) => {
    const part = text.slice(start, end);
    if (part.trim()) clauses.push(clause(start, part));
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (depth === 0 && (ch === ',' || ch === ';' || ch === '\n')) close(i);
  }
  close(text.length);
  return clauses;
}

function clause(at: number, text: string): Clause {
  return {
    at,
    text,
    core: text
      .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.:;,'"“”‘’-]+|[\s.:;,'"“”‘’-]+$/g, ''),
    codeOnly: CODE.test(text) && !MODEL.test(text),
    context: CONTEXT.test(text),
    modified: MODIFIED.test(text),
  };
}

/** What the clauses a name spans say of it: a name split by a comma spans two. */
export function clauseAt(clauses: Clause[], at: number, end: number): Omit<Clause, 'core'> {
  const spanned = clauses.filter((c) => c.at < end && c.at + c.text.length > at);
  return {
    at,
    text: spanned.map((c) => c.text).join(','),
    codeOnly: spanned.some((c) => c.codeOnly),
    context: spanned.some((c) => c.context),
    modified: spanned.some((c) => c.modified),
  };
}
