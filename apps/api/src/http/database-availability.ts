import type { GraphStore } from '@lineage/graph-store';
import { isDomainError } from '@lineage/domain';
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { apiError } from '../errors';

const PROBE_INTERVAL_MS = 1000;
/** How long a request waits on a fresh probe while Neo4j is down, before answering 503. */
const QUICK_CHECK_MS = 2000;
const MIN_PROBE_GAP_MS = 100;
const MAX_PROBES_IN_FLIGHT = 40;
/** How long /ready waits for Neo4j: a readiness probe must answer quickly either way. */
const READY_TIMEOUT_MS = 1000;

export interface Readiness {
  ready: boolean;
  /** Why not, in words (never the driver's text). */
  reason?: string;
}

/**
 * Remembers that Neo4j is down, so requests answer 503 within a moment instead of each waiting
 * out the driver's retries (about 10 s) while it is. While down, a request starts a fresh probe
 * (its first attempt connects at once) and waits for it briefly, so the first request after
 * Neo4j is back already succeeds. Only an answer of the database itself marks it down: a slow
 * query or a bad input never does.
 */
export class DatabaseAvailability {
  private down = false;
  private recovered: Promise<void> = Promise.resolve();
  private markRecovered = () => {};
  private probesInFlight = 0;
  private lastProbeAt = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly log: Logger,
  ) {}

  /** True when Neo4j answers, as far as the API knows; while down, checks again briefly. */
  async isAvailable(): Promise<boolean> {
    if (!this.down) return true;
    this.probe();
    await Promise.race([
      this.recovered,
      new Promise((resolve) => setTimeout(resolve, QUICK_CHECK_MS)),
    ]);
    return !this.down;
  }

  /**
   * Whether Neo4j answers a small read right now, within READY_TIMEOUT_MS. An unavailable
   * answer also marks it down, so requests answer 503 at once rather than each trying.
   */
  async readiness(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Readiness>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({ ready: false, reason: `Neo4j did not answer within ${READY_TIMEOUT_MS} ms` }),
        READY_TIMEOUT_MS,
      );
    });
    const probe = this.store.graphVersion().then(
      (): Readiness => {
        this.markUp();
        return { ready: true };
      },
      (error: unknown): Readiness => {
        if (isDomainError(error) && error.code === 'DATABASE_UNAVAILABLE') {
          this.markDown();
          return { ready: false, reason: 'Neo4j is unreachable' };
        }
        this.log.warn({ err: error }, 'readiness probe failed');
        return { ready: false, reason: 'Neo4j did not answer the readiness probe' };
      },
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The store, with every call's DATABASE_UNAVAILABLE noted on its way to the caller. */
  watch(store: GraphStore): GraphStore {
    return new Proxy(store, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          if (!(result instanceof Promise)) return result;
          return result.catch((error: unknown) => {
            if (isDomainError(error) && error.code === 'DATABASE_UNAVAILABLE') this.markDown();
            throw error;
          });
        };
      },
    });
  }

  private markDown() {
    if (this.down) return;
    this.down = true;
    this.recovered = new Promise((resolve) => (this.markRecovered = resolve));
    this.log.warn('Neo4j is unavailable: answering 503 until it is back');
    void this.probeWhileDown();
  }

  private markUp() {
    if (!this.down) return;
    this.down = false;
    this.markRecovered();
    this.log.info('Neo4j is available again');
  }

  /** A probe a second even with no requests, so the state is right when they come. */
  private async probeWhileDown() {
    while (this.down) {
      this.probe();
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
    }
  }

  /**
   * A new probe rather than waiting on an older one: the driver retries each for up to 10 s
   * with growing pauses, so only a fresh one notices the return at once.
   */
  private probe() {
    const now = Date.now();
    if (this.probesInFlight >= MAX_PROBES_IN_FLIGHT || now - this.lastProbeAt < MIN_PROBE_GAP_MS)
      return;
    this.lastProbeAt = now;
    this.probesInFlight++;
    this.store
      .graphVersion()
      .then(() => this.markUp())
      .catch(() => {})
      .finally(() => this.probesInFlight--);
  }
}

/**
 * `/ready`: 200 `{"ready":true}` when Neo4j answers, else 503 with the reason, for orchestrators
 * and `lineage start`. `/health` stays liveness: the process is up.
 */
export function useReadiness(availability: DatabaseAvailability): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async ({ fetchAPI }) => {
      const readiness = await availability.readiness();
      return new fetchAPI.Response(JSON.stringify(readiness), {
        status: readiness.ready ? 200 : 503,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    },
  }) as Plugin;
}

/** While Neo4j is known to be down, operations answer 503 DATABASE_UNAVAILABLE right away. */
export function useDatabaseAvailability(availability: DatabaseAvailability): Plugin {
  return {
    async onExecute({ setResultAndStopExecution }) {
      if (await availability.isAvailable()) return;
      setResultAndStopExecution({
        errors: [
          apiError(
            'DATABASE_UNAVAILABLE',
            'the graph database is unavailable; nothing was read or written, retry shortly',
          ),
        ],
      });
    },
  };
}
