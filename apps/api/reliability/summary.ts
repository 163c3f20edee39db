import type { LoadReport } from './load';

/** The figures of a load run, one line, for the test log. */
export function summarise(title: string, report: LoadReport): string {
  const statuses = Object.entries(report.byStatus)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  return (
    `[reliability] ${title}: ${report.requests} requests (${statuses}), ` +
    `${report.serverErrors} 5xx, ${report.acknowledgedWrites} acknowledged writes, ` +
    `${report.lostWrites.length} lost`
  );
}
