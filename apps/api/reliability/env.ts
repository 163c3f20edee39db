import { z } from 'zod';

/** What the reliability suite may be told from outside: another JDK for the embedded Neo4j. */
export const reliabilityEnv = z.object({ JAVA_HOME: z.string().optional() }).parse(process.env);
