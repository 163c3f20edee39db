/** The q-th quantile (0..1) of samples, by the nearest-rank method. */
export function quantile(samples: number[], q: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const p50 = (samples: number[]) => quantile(samples, 0.5);
export const p95 = (samples: number[]) => quantile(samples, 0.95);

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}
