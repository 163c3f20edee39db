import { z } from 'zod';

/** What the browser tests may be told: another Chromium, or headed mode to watch them. */
export const e2eEnv = z
  .object({
    LINEAGE_CHROMIUM: z.string().default('/usr/bin/chromium'),
    JAVA_HOME: z.string().optional(),
    /** A Neo4j already holding the seed and the real sources, instead of a fresh one. */
    LINEAGE_E2E_NEO4J_URI: z.string().optional(),
  })
  .parse(process.env);

/** The environment the API and web servers inherit, with `extra` on top. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1', ...extra };
}
