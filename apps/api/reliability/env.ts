import { z } from 'zod';

/** What the reliability suite may be told from outside: another JDK for the embedded Neo4j. */
export const reliabilityEnv = z.object({ JAVA_HOME: z.string().optional() }).parse(process.env);

/** The environment the API and CLI children inherit, with `extra` on top. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
