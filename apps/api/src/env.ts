import { z } from 'zod';

/** A comma-separated list: entries trimmed, blanks dropped, each checked by `entry`. */
const commaList = (entry: z.ZodString) =>
  z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(entry));

const tokenList = commaList(
  z
    .string()
    .regex(/^[\w.@-]+:\S{16,}$/, 'each entry must be name:token with a token of 16+ characters'),
);

const envSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI')
    .default('bolt://127.0.0.1:7687'),
  NEO4J_USER: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  /** Loopback unless told otherwise: a container sets 0.0.0.0 for its published port. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Origins (scheme://host[:port]) whose pages may call the API from a browser; none by
   * default. The web app calls it from its server and GraphiQL is same-origin: neither needs one.
   */
  LINEAGE_CORS_ORIGINS: commaList(
    z
      .string()
      .regex(/^https?:\/\/[^/\s*]+$/, 'each entry must be an origin such as http://localhost:3000'),
  ).default([]),
  /** name:token pairs allowed to write (and read); compared in constant time, never logged. */
  LINEAGE_WRITE_TOKENS: tokenList.default([]),
  /** When set, reads need a token too (read or write). */
  LINEAGE_READ_TOKENS: tokenList.optional(),
  LINEAGE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /**
   * Hold the lineage in memory for impact queries (refreshed after writes; Neo4j stays the
   * system of record). Off: every impact query fetches its closure with Cypher.
   */
  LINEAGE_PROJECTION: z.enum(['on', 'off']).default('on'),
  /**
   * Look for new exposures of watched products after writes and send webhook deliveries, every
   * LINEAGE_ALERT_POLL_MS. Off: webhooks can be subscribed, but this process sends nothing (run
   * one replica with it on).
   */
  LINEAGE_ALERTS: z.enum(['on', 'off']).default('on'),
  LINEAGE_ALERT_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  /** The wait before a failed delivery's first retry; each retry waits twice as long (max 1 h). */
  LINEAGE_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  LINEAGE_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /**
   * Whether webhooks may call receivers on loopback, private or link-local addresses (a receiver
   * inside the network). Off by default: a write token must not be a way into internal services.
   */
  LINEAGE_WEBHOOK_ALLOW_PRIVATE: z.enum(['on', 'off']).default('off'),
  LINEAGE_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * Test-only fault: the share (0..1) of writes acknowledged WITHOUT being committed, so the
   * reliability suite can prove it detects lost writes. Never set it in production.
   */
  LINEAGE_FAULT_DROP_WRITES: z.coerce.number().min(0).max(1).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ApiEnv = z.output<typeof envSchema>;

export function parseApiEnv(source: Record<string, string | undefined>) {
  return envSchema.safeParse(source);
}

/** Reads the environment once; every problem is printed, then the process exits. */
export function readApiEnv(): ApiEnv {
  const parsed = parseApiEnv(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      process.stderr.write(`lineage-api: ${issue.path.join('.')}: ${issue.message}\n`);
    }
    process.exit(1);
  }
  return parsed.data;
}
