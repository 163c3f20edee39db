/** The results page of a search text, optionally narrowed to some kinds. */
export function searchHref(text: string, kinds: string[] = [], after?: string): string {
  const params = new URLSearchParams({ q: text.trim() });
  for (const kind of kinds) params.append('kind', kind);
  if (after) params.set('after', after);
  return `/search?${params.toString()}`;
}
