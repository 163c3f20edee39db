import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '@lineage/testkit';

const bin = fileURLToPath(new URL('../../../packages/cli/bin/lineage.mjs', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  /** Settles with the exit code (null when killed by a signal) and everything printed. */
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
  /** Settles with the first stderr line matching `pattern`, or rejects if the CLI exits first. */
  waitForLine(pattern: RegExp): Promise<string>;
}

/** The real `lineage` command in a process of its own, on the given Neo4j. */
export function runLineage(
  neo4jUri: string,
  args: string[],
  env: Record<string, string> = {},
): CliRun {
  const child = spawn(process.execPath, [bin, ...args], {
    env: childEnvironment({ ...env, NEO4J_URI: neo4jUri }),
  });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
    for (const line of chunk.toString().split('\n')) {
      for (const watcher of watchers) if (watcher.pattern.test(line)) watcher.resolve(line);
    }
  });
  const done = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    child,
    done,
    waitForLine: (pattern) =>
      new Promise((resolve, reject) => {
        watchers.push({ pattern, resolve });
        void done.then(({ code }) =>
          reject(new Error(`lineage exited (code ${code}) before printing ${pattern}:\n${stderr}`)),
        );
      }),
  };
}
