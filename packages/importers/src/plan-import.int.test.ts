import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GraphStore, WriteReport } from '@lineage/graph-store';
import { connectTestStore, node, testNamespace } from '@lineage/graph-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareImport } from './plan-import';
import type { NodeLookup } from './plan';

let store: GraphStore;
let scratch: string;
beforeAll(async () => {
  store = await connectTestStore();
  scratch = await mkdtemp(path.join(tmpdir(), 'lineage-import-race-'));
});
afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an import raced with other writers', () => {
  it('never overwrites a record written while it reconciles', async () => {
    const ns = testNamespace();
    const [base, tuned] = [`${ns.token}lab/base`, `${ns.token}lab/tuned`];
    const file = path.join(scratch, `${ns.token}edges.csv`);
    await writeFile(file, `source,target,edge\n${base},${tuned},finetuned\n`);
    const curated = node({
      id: `model:${tuned}`,
      kind: 'FineTune',
      name: 'Tuned, as curated',
      verified: false,
    });

    // Another writer (the API) files the model the import is about to create, right after the
    // import has looked up what is stored: it is acknowledged before the import goes on, unless
    // the import holds the write lock while it reconciles.
    let other: Promise<WriteReport> | undefined;
    // Whichever lookup the planner makes first, the other writer goes right after it.
    const thenRace =
      <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const result = await read(...args);
        other ??= store.write(
          { nodes: [curated], relationships: [] },
          { by: 'api', action: 'upsert', summary: 'curated' },
        );
        await Promise.race([other, sleep(500)]);
        return result;
      };
    const racing = (lookup: NodeLookup): NodeLookup => ({
      matchNames: thenRace((names: string[]) => lookup.matchNames(names)),
      storedIdsFolded: thenRace((ids: string[]) => lookup.storedIdsFolded(ids)),
      reviewDecisions: thenRace(() => lookup.reviewDecisions()),
      kindsOf: thenRace((ids: string[]) => lookup.kindsOf(ids)),
    });
    // As `lineage import` does: files read first, reconciled and written under the write lock.
    const reconcile = await prepareImport('hf-tree', [file]);
    const { report } = await store.writePlanned(
      (lookup) => reconcile(racing(lookup)),
      () => ({ by: 'cli', action: 'import', summary: 'race' }),
    );
    expect(other).toBeDefined();
    await other;

    expect(report.nodes.created).toBeGreaterThan(0);
    expect(await store.getEntity(`model:${tuned}`)).toMatchObject({
      name: 'Tuned, as curated',
      verified: false,
    });
  });
});
