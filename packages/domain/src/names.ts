/**
 * The form names are matched in across sources: case, punctuation and spacing ignored, and an
 * `owner/` prefix dropped, so "LLaMA 2", "Llama-2" and "meta-llama/Llama-2" all read "llama2".
 * A "+" reads "plus": "Command R+" is not "Command R".
 */
export function nameKey(name: string): string {
  const withoutOwner = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  return withoutOwner
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The slug of an id, for matching: `model:meta-llama/Llama-2-7b-hf` -> `Llama-2-7b-hf`. */
export function idSlug(id: string): string {
  const afterKind = id.slice(id.indexOf(':') + 1);
  return afterKind.slice(afterKind.lastIndexOf('/') + 1);
}
