import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Neo4jStartError } from './errors';
import { ensureLauncherBuilt } from './launcher-build';
import { lastLines } from './run-command';

export interface StartNeo4jOptions {
  /** Where the store lives; created when missing. Data survives a stop and a restart. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /** JVM heap, e.g. '1g'. */
  heap?: string;
  /** Neo4j page cache, e.g. '256m' (otherwise Neo4j takes about half the machine). */
  pageCache?: string;
  /** Memory one transaction may use, e.g. '512m'. */
  transactionMax?: string;
  /** Memory all transactions together may use, e.g. '1g'. */
  transactionTotal?: string;
  /** A JDK to use instead of the `java` on PATH. */
  javaHome?: string;
  /**
   * The parallel collector instead of G1: about 7% more bulk-load throughput on 2 cores (1M
   * nodes: 86 s against 92 s), at the cost of longer pauses. For benchmarks' loads.
   */
  throughputGc?: boolean;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Shuts Neo4j down cleanly (SIGTERM, then SIGKILL after a minute). */
  stop(): Promise<void>;
  /** Settles when the JVM exits, for whatever reason. */
  exited: Promise<number | null>;
}

const JAVA_HINT =
  'Java 17 or newer runs the embedded Neo4j: install a JDK (Debian: apt-get install -y openjdk-17-jdk-headless), set JAVA_HOME, or set NEO4J_URI to use a Neo4j you run yourself.';

// Flags Neo4j's own server passes on Java 17 (see NEO4J.md).
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+ExitOnOutOfMemoryError',
];

/** Starts a real Neo4j Community in a JVM of its own and resolves once Bolt accepts connections. */
export async function startNeo4j(options: StartNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  const argFile = await ensureLauncherBuilt(log);
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });

  const java = options.javaHome ? path.join(options.javaHome, 'bin', 'java') : 'java';
  const args = [
    ...JVM_FLAGS,
    options.throughputGc ? '-XX:+UseParallelGC' : '-XX:+UseG1GC',
    `-Xmx${options.heap ?? '1g'}`,
    `@${argFile}`,
    'dev.lineage.neo4j.EmbeddedNeo4j',
    '--data-dir',
    dataDir,
    '--port',
    String(options.port ?? 0),
    '--page-cache',
    options.pageCache ?? '256m',
    '--tx-max',
    options.transactionMax ?? '512m',
    '--tx-total',
    options.transactionTotal ?? '1g',
    '--exit-on-stdin-close',
  ];
  // stdin stays an open pipe: when this process dies, the JVM sees end of stream and stops.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = lastLines(stderr + chunk.toString(), 40);
  });

  const uri = await waitForReady(child, exited, () => stderr, options.startTimeoutMs ?? 180_000);
  log(`Neo4j is ready at ${uri} (data in ${dataDir})`);
  return {
    uri,
    port: Number(new URL(uri.replace('bolt://', 'http://')).port),
    pid: child.pid ?? -1,
    dataDir,
    exited,
    stop: () => stopProcess(child, exited),
  };
}

function waitForReady(
  child: ChildProcess,
  exited: Promise<number | null>,
  stderr: () => string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Neo4jStartError(`Neo4j did not start within ${timeoutMs / 1000} s:\n${stderr()}`));
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new Neo4jStartError(`\`${child.spawnfile}\` was not found. ${JAVA_HINT}`)
          : error,
      );
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Neo4jStartError(
          `the Neo4j JVM exited (code ${code}) before it was ready:\n${stderr() || '(no output)'}`,
        ),
      );
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      resolve(line.slice('READY '.length).trim());
    });
  });
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(killer);
}
