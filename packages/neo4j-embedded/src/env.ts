/**
 * The environment a child process inherits, with `extra` on top: the one place this package
 * touches the environment, and only to pass it on (the offline importer finds its store through
 * NEO4J_HOME). The tests' and benchmarks' children use it too (@lineage/testkit).
 */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
