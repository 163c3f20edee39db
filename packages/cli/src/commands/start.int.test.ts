import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@lineage/graph-store/testing';
import { startNeo4j } from '@lineage/neo4j-embedded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment } from '../env';

const bin = fileURLToPath(new URL('../../bin/lineage.mjs', import.meta.url));

/** `lineage start --no-web` as a person runs it, on ports and a data directory of its own. */
interface Started {
  process: ChildProcess;
  output: () => string;
  apiPort: number;
  exit: Promise<number | null>;
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-start-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function startLineage(name: string, extra: Record<string, string> = {}): Promise<Started> {
  // On a loaded machine a cold Neo4j may miss the first query's time limit, and the command
  // then exits before it runs anything: that start is tried once more, on a fresh directory.
  for (let attempt = 1; ; attempt++) {
    const started = await spawnLineage(`${name}-${attempt}`, extra);
    await until(
      () => started.output().includes('Lineage is running') || started.process.exitCode !== null,
      240_000,
      started,
    );
    if (started.process.exitCode === null) return started;
    if (attempt === 2 || !/\[TIMEOUT\]/.test(started.output()))
      throw new Error(`lineage start exited before it ran:\n${started.output()}`);
  }
}

async function spawnLineage(name: string, extra: Record<string, string>): Promise<Started> {
  const apiPort = await freePort();
  const env = childEnvironment({
    LINEAGE_API_PORT: String(apiPort),
    LINEAGE_NEO4J_PORT: String(await freePort()),
    LINEAGE_DATA_DIR: path.join(scratch, name),
    LINEAGE_NEO4J_HEAP: '512m',
    LINEAGE_NEO4J_PAGECACHE: '64m',
  });
  delete env.NEO4J_URI;
  Object.assign(env, extra);
  const child = spawn(process.execPath, [bin, 'start', '--no-web', '--no-seed'], { env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, apiPort, exit };
}

async function until(condition: () => boolean | Promise<boolean>, ms: number, of: Started) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; output:\n${of.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The command's children, by what they run: the API (node … src/main.ts) and the Neo4j JVM. */
function childPid(parent: number, runs: RegExp): number | undefined {
  let table = '';
  try {
    table = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], {
      encoding: 'utf8',
    });
  } catch {
    return undefined; // ps exits 1 when the process has no children (or is gone)
  }
  const line = table
    .split('\n')
    .map((entry) => entry.trim())
    .find((entry) => runs.test(entry));
  return line ? Number(line.split(/\s+/)[0]) : undefined;
}

const API = /src\/main\.ts/;
const NEO4J = /EmbeddedNeo4j/;

async function health(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('lineage start', () => {
  it('starts the API again when it dies, and keeps Neo4j running', async () => {
    const lineage = await startLineage('api-killed');
    try {
      const first = childPid(lineage.process.pid!, API);
      expect(first).toBeDefined();
      expect(await health(lineage.apiPort)).toBe(true);

      process.kill(first!, 'SIGKILL');
      await until(
        async () => {
          const now = childPid(lineage.process.pid!, API);
          // The supervisor says so once its own health check passed, a moment after ours may.
          if (!lineage.output().includes('the API is back')) return false;
          return now !== undefined && now !== first && (await health(lineage.apiPort));
        },
        60_000,
        lineage,
      );
      expect(lineage.output()).toMatch(/the API exited unexpectedly \(code null\); restarting/);
      expect(lineage.process.exitCode).toBeNull();
      expect(childPid(lineage.process.pid!, NEO4J)).toBeDefined();
      // It still answers queries: the new API reaches the same Neo4j.
      const response = await fetch(`http://127.0.0.1:${lineage.apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { graphVersion } }' }),
      });
      expect(response.status).toBe(200);
    } finally {
      lineage.process.kill('SIGTERM');
      await lineage.exit;
    }
  }, 400_000);

  it('stops everything and exits non-zero, saying why, when its Neo4j dies', async () => {
    const lineage = await startLineage('neo4j-killed');
    const api = childPid(lineage.process.pid!, API);
    const neo4j = childPid(lineage.process.pid!, NEO4J);
    expect(api).toBeDefined();
    expect(neo4j).toBeDefined();
    try {
      process.kill(neo4j!, 'SIGKILL');
      const code = await Promise.race([
        lineage.exit,
        new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 60_000)),
      ]);
      expect(code).toBe(1);
      expect(lineage.output()).toMatch(/the embedded Neo4j exited unexpectedly/);
      // Never half-running: the API went with it.
      expect(alive(api!)).toBe(false);
    } finally {
      if (lineage.process.exitCode === null) lineage.process.kill('SIGTERM');
      await lineage.exit;
      if (api && alive(api)) process.kill(api, 'SIGKILL');
    }
  }, 400_000);

  it('says when the Neo4j it uses becomes unreachable and when it is back, and keeps running', async () => {
    const port = await freePort();
    const dataDir = path.join(scratch, 'external-neo4j');
    const options = { dataDir, port, heap: '512m', pageCache: '64m' };
    let neo4j = await startNeo4j(options);
    const lineage = await startLineage('external', { NEO4J_URI: neo4j.uri });
    try {
      process.kill(neo4j.pid, 'SIGKILL');
      await neo4j.exited;
      await until(() => lineage.output().includes('Neo4j is unreachable'), 60_000, lineage);
      neo4j = await startNeo4j(options);
      await until(() => lineage.output().includes('Neo4j is reachable again'), 60_000, lineage);
      expect(lineage.process.exitCode).toBeNull();
      expect(await health(lineage.apiPort)).toBe(true);
    } finally {
      lineage.process.kill('SIGTERM');
      await lineage.exit;
      await neo4j.stop();
    }
  }, 400_000);
});
