import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { childEnvironment } from './env';
import { Neo4jStartError } from './errors';
import { ensureLauncherBuilt } from './launcher-build';
import { lastLines } from './run-command';

export interface OfflineImportFile {
  /** Node labels (nodes) or the relationship type (relationships). */
  labels: string[];
  /** The header line in a file of its own, then the rows: files can be written as a stream. */
  header: string;
  data: string;
}

export interface OfflineImportOptions {
  /** The store directory `startNeo4j` is then given; it must not hold a database yet. */
  dataDir: string;
  nodes: OfflineImportFile[];
  relationships: OfflineImportFile[];
  /** One character between the items of an array field. */
  arrayDelimiter: string;
  heap?: string;
  javaHome?: string;
  log?: (line: string) => void;
}

export interface OfflineImportReport {
  seconds: number;
  /** The tool's closing summary: counts and peak memory. */
  summary: string;
}

// The tool's stage and summary lines; its rows of progress dots are left out.
const WORTH_LOGGING =
  /^(Import starting|Estimated|\(\d+\/\d+\)|.*COMPLETED|IMPORT DONE|Imported:|\s+\d+ (nodes|relationships|properties)|Peak memory)/;

/**
 * Writes a new store with Neo4j's offline importer (`neo4j-admin database import full`), the
 * way Neo4j recommends for an initial load of millions of rows: no transactions, no indexes
 * (the caller's migrations build them afterwards, in bulk). Runs from the launcher's classpath,
 * so nothing beyond the embedded Neo4j is installed.
 */
export async function importOffline(options: OfflineImportOptions): Promise<OfflineImportReport> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  if (existsSync(path.join(dataDir, 'data', 'databases', 'neo4j')))
    throw new Neo4jStartError(
      `${dataDir} already holds a database: offline import needs a new store`,
    );
  await mkdir(dataDir, { recursive: true });
  const argFile = await ensureLauncherBuilt(log);
  // The tool reads neo4j.conf from NEO4J_CONF; an empty one keeps every default, and
  // NEO4J_HOME puts the store where the embedded server (home = dataDir) looks for it.
  const conf = await mkdtemp(path.join(os.tmpdir(), 'lineage-import-conf-'));
  await writeFile(path.join(conf, 'neo4j.conf'), '');
  const java = options.javaHome ? path.join(options.javaHome, 'bin', 'java') : 'java';
  const files = (flag: string, list: OfflineImportFile[]) =>
    list.map((f) => `--${flag}=${f.labels.join(':')}=${f.header},${f.data}`);
  const args = [
    `-Xmx${options.heap ?? '1g'}`,
    `@${argFile}`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j',
    ...files('nodes', options.nodes),
    ...files('relationships', options.relationships),
    '--id-type=string',
    `--array-delimiter=U+${options.arrayDelimiter.codePointAt(0)!.toString(16).padStart(4, '0')}`,
    `--report-file=${path.join(conf, 'import.report')}`,
  ];
  const started = performance.now();
  try {
    const { code, output, summary } = await run(java, args, {
      NEO4J_HOME: dataDir,
      NEO4J_CONF: conf,
      log,
    });
    if (code !== 0)
      throw new Neo4jStartError(
        `the offline import failed (exit ${code}):\n${lastLines(output, 30)}`,
      );
    return { seconds: (performance.now() - started) / 1000, summary: summary.join('\n') };
  } finally {
    await rm(conf, { recursive: true, force: true });
  }
}

function run(
  java: string,
  args: string[],
  { log, ...env }: { NEO4J_HOME: string; NEO4J_CONF: string; log: (line: string) => void },
): Promise<{ code: number | null; output: string; summary: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, {
      env: childEnvironment(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const summary: string[] = [];
    const onLine = (line: string) => {
      output = lastLines(`${output}\n${line}`, 60);
      if (!WORTH_LOGGING.test(line)) return;
      log(`offline import: ${line.trim()}`);
      if (/^(IMPORT DONE|\s+\d+ (nodes|relationships)|Peak memory)/.test(line))
        summary.push(line.trim());
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Neo4jStartError(`\`${java}\` was not found: Java 17 or newer runs the import`)
          : error,
      ),
    );
    child.on('close', (code) => resolve({ code, output, summary }));
  });
}
