import { mkdir, readdir, rm, stat, writeFile, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Neo4jStartError } from './errors';
import { lastLines, runCommand } from './run-command';

const launcherDir = fileURLToPath(new URL('../launcher', import.meta.url));
const targetDir = path.join(launcherDir, 'target');
const argFile = path.join(targetDir, 'launcher.args');
const lockDir = path.join(launcherDir, '.build-lock');

export const MAVEN_HINT =
  'Maven builds the embedded Neo4j launcher: install it (Debian: apt-get install -y maven) or set NEO4J_URI to use a Neo4j you run yourself.';

/**
 * Builds the Java launcher when its sources are newer than the last build and returns the path
 * of a java @argfile holding its classpath. The first build downloads Neo4j from Maven Central.
 */
export async function ensureLauncherBuilt(log: (line: string) => void = () => {}): Promise<string> {
  if (await isUpToDate()) return argFile;
  await withBuildLock(async () => {
    if (await isUpToDate()) return;
    log('building the embedded Neo4j launcher with Maven (the first build downloads Neo4j)...');
    const result = await runCommand('mvn', ['-q', '-B', 'compile'], {
      cwd: launcherDir,
      hint: MAVEN_HINT,
    });
    if (result.code !== 0) {
      throw new Neo4jStartError(
        `Maven could not build the Neo4j launcher (exit ${result.code}):\n${lastLines(result.output, 30)}`,
      );
    }
    const classpath = await readFile(path.join(targetDir, 'classpath.txt'), 'utf8');
    const fullClasspath = [path.join(targetDir, 'classes'), classpath.trim()].join(path.delimiter);
    await writeFile(argFile, `-cp "${fullClasspath}"\n`);
  });
  return argFile;
}

async function isUpToDate(): Promise<boolean> {
  const built = await mtime(argFile);
  if (built === undefined) return false;
  // The argfile names absolute paths: a clone moved or copied elsewhere must build its own.
  const args = await readFile(argFile, 'utf8').catch(() => '');
  if (!args.startsWith(`-cp "${path.join(targetDir, 'classes')}${path.delimiter}`)) return false;
  const sources = [path.join(launcherDir, 'pom.xml'), ...(await javaSources())];
  for (const source of sources) {
    if (((await mtime(source)) ?? Infinity) > built) return false;
  }
  return true;
}

async function javaSources(): Promise<string[]> {
  const root = path.join(launcherDir, 'src');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.java'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function mtime(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Parallel test workers and `npm start` may race to build; mkdir is atomic, so it is the lock. */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const staleAfterMs = 10 * 60_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch {
      const lockedAt = await mtime(lockDir);
      if (lockedAt !== undefined && Date.now() - lockedAt > staleAfterMs) {
        await rm(lockDir, { recursive: true, force: true });
      } else {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
  try {
    await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
