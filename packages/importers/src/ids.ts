/**
 * A slug that fits an id segment: letters, digits, '.', '_' and '-', starting alphanumeric,
 * at most 80 characters (some sources name things with whole sentences).
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\+/g, '-plus')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, 80)
    .replace(/^[-._]+|[-._]+$/g, '')
    .toLowerCase();
  return slug || 'unnamed';
}

/** Ecosystem Graphs writes any field as a value or as `{ value, explanation }`. */
export function plainValue(field: unknown): unknown {
  return field && typeof field === 'object' && !Array.isArray(field) && 'value' in field
    ? (field as { value: unknown }).value
    : field;
}

/** A full ISO date, or undefined for anything vaguer (a year, a month, free text). */
export function isoDate(value: unknown): string | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  // A day the month does not have ("2023-02-30") would otherwise roll into the next month.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : undefined;
}

export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A short, stable suffix from a text: tells apart names that slugify alike. */
export function shortHash(text: string): string {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619) >>> 0;
  return hash.toString(36).slice(0, 6);
}
