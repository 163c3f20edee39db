import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDomainError } from '@lineage/domain';
import { GraphStore } from '@lineage/graph-store';
import { planImport } from '@lineage/importers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runLineage } from './cli-process';
import { malformedFile } from './import-fuzz-files';
import { snapshot } from './snapshot';

let store: GraphStore;
let scratch: string;
beforeAll(async () => {
  store = await GraphStore.connect({ uri: inject('reliabilityNeo4jUri') });
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-import-fuzz-'));
});
afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('malformed import files', () => {
  it('are refused whole with a VALIDATION error naming the file, and change nothing', async () => {
    const before = await snapshot(store);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(malformedFile, async (file) => {
        runs++;
        const at = path.join(scratch, file.name);
        await writeFile(at, file.content);
        // What `lineage import` does: plan, then write the plan in one transaction.
        const outcome = await planImport(file.format, [at], store)
          .then((plan) =>
            store.write(plan.batch, { by: 'fuzz', action: 'import', summary: 'fuzz' }),
          )
          .then(
            (report) => ({ refused: false as const, report }),
            (error: unknown) => ({ refused: true as const, error }),
          );
        expect(outcome.refused).toBe(true);
        const error = (outcome as { error: unknown }).error;
        expect(isDomainError(error) && error.code, String(error)).toBe('VALIDATION');
        expect((error as Error).message).toContain(file.name.split('.')[0]);
      }),
      { numRuns: 300 },
    );
    console.info(`[reliability] import fuzz: ${runs} malformed files`);
    expect(await snapshot(store)).toEqual(before);
  });

  it('make `lineage import` exit non-zero, saying what is wrong, and change nothing', async () => {
    const before = await snapshot(store);
    const files = fc.sample(malformedFile, { numRuns: 3, seed: 7 });
    for (const [i, file] of files.entries()) {
      const at = path.join(scratch, `cli-${i}-${file.name}`);
      await writeFile(at, file.content);
      const run = runLineage(inject('reliabilityNeo4jUri'), [
        'import',
        at,
        '--format',
        file.format,
      ]);
      const { code, stderr } = await run.done;
      expect(code).not.toBe(0);
      expect(stderr).toContain(`cli-${i}-`);
    }
    expect(await snapshot(store)).toEqual(before);
  });
});
