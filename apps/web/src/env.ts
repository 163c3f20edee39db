import { z } from 'zod';

const envSchema = z.object({
  /** Where the server side of the web app reaches the GraphQL API. */
  LINEAGE_API_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /** The API as a browser reaches it, for the GraphiQL link. */
  LINEAGE_PUBLIC_API_URL: z.url().default('http://localhost:4000/graphql'),
  /** A read token, when the API requires one (LINEAGE_READ_TOKENS). */
  LINEAGE_API_TOKEN: z.string().min(1).optional(),
  /** Set by Next.js; development relaxes the Content-Security-Policy as React needs. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type WebEnv = z.output<typeof envSchema>;

let cached: WebEnv | undefined;

/** Parsed on first use on the server; every problem is named. */
export function webEnv(): WebEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`lineage-web: bad environment: ${problems.join('; ')}`);
  }
  cached = parsed.data;
  return cached;
}
