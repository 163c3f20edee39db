/** One part of a hub id: letters, digits, `_`, `-` and `.`, not starting with `-` or `.`. */
const SEGMENT = /^[A-Za-z0-9_][\w.-]*$/;

/**
 * The hub caps a repo name at 96 characters (huggingface_hub's validate_repo_id); owners are
 * shorter still. A longer part is no hub id, whatever its characters.
 */
const MAX_SEGMENT = 96;

/** A text that fits one part of a hub id as written (an owner or a repo name keeps its case). */
export function fitsSegment(text: string): boolean {
  return text.length <= MAX_SEGMENT && SEGMENT.test(text);
}

/** `owner/name` as the hub writes a model or dataset id. */
export function isRepoId(text: string): boolean {
  const parts = text.split('/');
  return parts.length === 2 && parts.every(fitsSegment);
}
