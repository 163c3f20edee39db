import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '../env';

const bin = fileURLToPath(new URL('../../bin/lineage.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command, in a process of its own, on the Neo4j at `neo4j.uri`. */
export function runLineage(
  neo4j: { uri: string; user?: string; password?: string },
  args: string[],
): Promise<CliRun> {
  return new Promise((resolve) => {
    const env = childEnvironment({
      NEO4J_URI: neo4j.uri,
      ...(neo4j.user ? { NEO4J_USER: neo4j.user } : {}),
      ...(neo4j.password ? { NEO4J_PASSWORD: neo4j.password } : {}),
    });
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
