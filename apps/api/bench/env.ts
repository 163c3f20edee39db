import { z } from 'zod';

/** What the benchmarks may be told: a JDK for the embedded Neo4j. */
export const benchEnv = z.object({ JAVA_HOME: z.string().min(1).optional() }).parse(process.env);
