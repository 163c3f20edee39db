import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

const size = z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 512m or 2g');

const READ_TOKEN_ENTRY = /^[\w.@-]+:\S{16,}$/;

const envSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  LINEAGE_DATA_DIR: z.string().min(1).optional(),
  LINEAGE_NEO4J_PORT: z.coerce.number().int().min(0).max(65_535).default(7687),
  LINEAGE_NEO4J_HEAP: size.default('2g'),
  LINEAGE_NEO4J_PAGECACHE: size.default('512m'),
  /**
   * The most one transaction may hold (Neo4j's db.memory.transaction.max, and the total of
   * all). An import's last transaction makes its staged nodes visible at once, and an import
   * under LINEAGE_IMPORT_CHUNK_ROWS rows is one transaction.
   */
  LINEAGE_NEO4J_TX_MAX: size.default('1g'),
  /** Rows above which an import is written in chunks of this many rows, invisible until done. */
  LINEAGE_IMPORT_CHUNK_ROWS: z.coerce.number().int().min(100).default(20_000),
  JAVA_HOME: z.string().min(1).optional(),
  LINEAGE_API_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  LINEAGE_WEB_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /**
   * `name:token,...` allowed to read; passed to the API, which then needs a token for reads.
   * `lineage start` adds a token of its own for the web app (never to be set by hand).
   */
  LINEAGE_READ_TOKENS: z
    .string()
    .refine(
      (text) =>
        text
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
          .every((entry) => READ_TOKEN_ENTRY.test(entry)),
      'must be name:token,... with tokens of 16+ characters',
    )
    .optional(),
  /** Log level of the services `lineage start` runs (request logs appear at info). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type CliEnv = z.output<typeof envSchema> & { repoRoot: string; dataDir: string };

/** The repository this CLI belongs to: where `seed/` and the default `.data/` live. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Reads the environment once; every problem is printed, then the process exits. */
export function readEnv(): CliEnv {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      process.stderr.write(
        `lineage: environment variable ${issue.path.join('.')} ${issue.message}\n`,
      );
    }
    process.exit(1);
  }
  const dataDir = path.resolve(parsed.data.LINEAGE_DATA_DIR ?? path.join(repoRoot, '.data'));
  return { ...parsed.data, repoRoot, dataDir };
}

/** The environment a child service inherits, with `extra` on top. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
