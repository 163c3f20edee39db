import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRealDataEnv } from './env';

/** `../shared/data` beside the repository: where a developer's and CI's machine has it. */
const DEFAULT_DIR = fileURLToPath(new URL('../../../../../shared/data', import.meta.url));

/** The directory of the real third-party sources: LINEAGE_REAL_DATA, else ../shared/data. */
export function realDataDir(): string {
  return path.resolve(readRealDataEnv().LINEAGE_REAL_DATA ?? DEFAULT_DIR);
}

const noticed = new Set<string>();

/**
 * The absolute path of a real source (e.g. `hf-model-tree/edges.csv`), or undefined when it is
 * not there: a user's fresh clone has no ../shared. Its tests then skip, and a notice says which
 * file was missing and how to point at it, so a skip is never silent.
 */
export function realData(relative: string, usedBy: string): string | undefined {
  const file = path.join(realDataDir(), relative);
  if (existsSync(file)) return file;
  const key = `${relative} ${usedBy}`;
  if (!noticed.has(key)) {
    noticed.add(key);
    console.warn(
      `[real data] skipping ${usedBy}: ${file} is absent (set LINEAGE_REAL_DATA to the directory of the real sources)`,
    );
  }
  return undefined;
}

/** A fixture of our own in a source's real format (packages/importers/fixtures). */
export function fixture(relative: string): string {
  return fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url));
}
