import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { validationError } from '@lineage/domain';
import type { PlanFile } from '@lineage/core';

/**
 * Writes a plan beside `file` under a temporary name and renames it only once whole: a failed
 * write leaves no half a plan, and an older plan at `file` stays as it was.
 */
export async function writePlanFile(file: string, plan: PlanFile): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`,
  );
  try {
    await writeFile(temporary, `${JSON.stringify(plan, null, 2)}\n`, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A plan file's JSON; what it must hold is checked by the review service. */
export async function readPlanFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw validationError(`${file}: cannot read the plan file (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw validationError(`${file}: not JSON: ${(error as Error).message}`);
  }
}
