import type { ExposureWindow } from '@lineage/core';

/**
 * A window as people read it: `2023-03-01 to 2024-07-18` (the second day is the first on which
 * it no longer held), `until 2024-07-18` or `since 2024-07-18` at an open end, `always` at both.
 */
export function periodText(from: string | null, to: string | null): string {
  if (from && to) return `${from} to ${to}`;
  if (to) return `until ${to}`;
  if (from) return `since ${from}`;
  return 'always';
}

/** Every window of a row, oldest first: `2023-03-01 to 2024-07-18 CERTAIN; since 2024-07-18 LIKELY`. */
export function windowsText(windows: ExposureWindow[]): string {
  return windows
    .map((w) => `${periodText(w.from, w.to)} ${w.mitigated ? `MITIGATED (${w.level})` : w.level}`)
    .join('; ');
}
