export interface RestartPolicy {
  /** Restarts allowed within `windowMs`; one more exit in that window gives up. */
  maxRestarts: number;
  windowMs: number;
  /** Wait before the first restart; doubled for each restart still in the window. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Five restarts in five minutes, waiting 1, 2, 4, 8, 16 s: a crash loop ends within a minute. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxRestarts: 5,
  windowMs: 5 * 60_000,
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
};

export type RestartDecision =
  { restart: true; delayMs: number; attempt: number } | { restart: false; exits: number };

/**
 * Decides, at each unexpected exit of a child, whether to start it again and after how long:
 * a child that keeps dying is given up on, so `lineage start` stops instead of looping forever.
 */
export class RestartBudget {
  private restarts: number[] = [];

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY) {}

  onExit(now: number): RestartDecision {
    this.restarts = this.restarts.filter((at) => now - at < this.policy.windowMs);
    if (this.restarts.length >= this.policy.maxRestarts)
      return { restart: false, exits: this.restarts.length + 1 };
    this.restarts.push(now);
    const attempt = this.restarts.length;
    const delayMs = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (attempt - 1));
    return { restart: true, delayMs, attempt };
  }

  describeWindow(): string {
    return `${this.policy.maxRestarts} restarts within ${Math.round(this.policy.windowMs / 1000)} s`;
  }
}
