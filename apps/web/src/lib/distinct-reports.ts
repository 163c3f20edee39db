/** A report, how many near-identical reports follow it in the list, and what they share. */
export interface ReportGroup<T> {
  first: T;
  similar: number;
  /** The words every title of the group starts with: a search that finds them all. */
  sharedStart: string;
}

const words = (title: string) => title.toLowerCase().match(/[\p{L}\p{N}._-]+/gu) ?? [];
// Quoted or backticked parts name the probe or prompt a scanner tried (AVID files one report
// per probe, per model): without them, such reports read the same.
const withoutQuoted = (title: string) => words(title.replace(/`[^`]*`|"[^"]*"|“[^”]*”/g, ' '));

/** Same title once quotations are set aside, or the same words but one (the benchmark's name). */
function nearlySame(a: string, b: string): boolean {
  if (withoutQuoted(a).join(' ') === withoutQuoted(b).join(' ')) return true;
  const [x, y] = [words(a), words(b)];
  if (x.length !== y.length || x.length < 4) return false;
  return x.filter((word, i) => word !== y[i]).length <= 1;
}

function sharedStart(a: string, b: string): string {
  const [x, y] = [a.split(/\s+/), b.split(/\s+/)];
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return x.slice(0, i).join(' ');
}

/** Reports in their order, each near-identical repeat folded into the first one shown. */
export function distinctReports<T extends { name: string }>(reports: T[]): ReportGroup<T>[] {
  const groups: ReportGroup<T>[] = [];
  for (const report of reports) {
    const group = groups.find((g) => nearlySame(g.first.name, report.name));
    if (!group) groups.push({ first: report, similar: 0, sharedStart: report.name });
    else {
      group.similar += 1;
      group.sharedStart = sharedStart(group.sharedStart, report.name);
    }
  }
  return groups;
}
