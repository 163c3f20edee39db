import { z } from 'zod';

/** What the benchmarks may be told: a JDK for the embedded Neo4j. */
export const benchEnv = z.object({ JAVA_HOME: z.string().min(1).optional() }).parse(process.env);

/** The environment the API inherits, with `extra` on top. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
