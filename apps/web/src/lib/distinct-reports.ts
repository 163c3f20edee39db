/** A report, and how many more reports of the same title follow it in the list. */
export interface ReportGroup<T> {
  first: T;
  similar: number;
}

// Titles differing only in case, spacing or punctuation are one report filed several times
// (AVID files the same finding against each model it tested).
const titleKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Reports in their order with repeats of a title folded into the first one shown. */
export function distinctReports<T extends { name: string }>(reports: T[]): ReportGroup<T>[] {
  const groups = new Map<string, ReportGroup<T>>();
  for (const report of reports) {
    const key = titleKey(report.name);
    const group = groups.get(key);
    if (group) group.similar += 1;
    else groups.set(key, { first: report, similar: 0 });
  }
  return [...groups.values()];
}
