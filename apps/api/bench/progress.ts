import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Progress for a run that may go on for an hour in the background: each line stamped with the
 * time, written to stdout and appended to a log file at once (`tail -f` follows it), never a
 * redrawn bar.
 */
export class Progress {
  private readonly started = Date.now();

  constructor(readonly logFile: string) {
    mkdirSync(path.dirname(logFile), { recursive: true });
  }

  line(message: string): void {
    const text = `${stamp(new Date(), Date.now() - this.started)} ${message}\n`;
    process.stdout.write(text);
    appendFileSync(this.logFile, text);
  }
}

/** `16:04:05 +1:02:03`: the wall clock and the time since the run began. */
export function stamp(now: Date, elapsedMs: number): string {
  const seconds = Math.floor(elapsedMs / 1000);
  const h = Math.floor(seconds / 3600);
  const m = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const s = String(seconds % 60).padStart(2, '0');
  return `${now.toISOString().slice(11, 19)} +${h}:${m}:${s}`;
}

/**
 * A line for work measured in rows: how many of the total, the rate since the last line and
 * overall, and the time left at the overall rate.
 */
export function rateLine(
  label: string,
  done: number,
  total: number,
  elapsedMs: number,
  recent: { rows: number; ms: number },
): string {
  const overall = done / (elapsedMs / 1000);
  const now = recent.ms > 0 ? recent.rows / (recent.ms / 1000) : overall;
  const left = overall > 0 ? Math.max(0, total - done) / overall : Number.NaN;
  const percent = total > 0 ? ` (${((100 * done) / total).toFixed(1)}%)` : '';
  return `${label}: ${count(done)} of ~${count(total)} rows${percent}, ${count(now)}/s now, ${count(overall)}/s overall, ~${Number.isFinite(left) ? duration(left) : '?'} left`;
}

const count = (value: number) => Math.round(value).toLocaleString('en');

export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
