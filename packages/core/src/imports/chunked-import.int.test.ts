import type { GraphHash } from '@lineage/graph-store';
import { startOwnStore } from '@lineage/graph-store/testing';
import type { ImportFormat } from '@lineage/importers';
import { fixture } from '@lineage/importers/testing';
import { describe, expect, it } from 'vitest';
import { ImportService, type ImportReport } from './import-service';

// The same imports, in one transaction each and in chunks of 10 rows, give the same graph: a
// first import onto an empty graph (all staged) and others onto what it stored (updates and
// relationships with stored ends, written in the last transaction).
const IMPORTS: [ImportFormat, string[]][] = [
  ['hf-tree', [fixture('hf-model-tree/edges.csv')]],
  ['hf-cards', [fixture('hf-cards/cards.jsonl')]],
  [
    'ecosystem-graphs',
    ['fixture-lab.yaml', 'fixture-apps.yaml'].map((f) => fixture(`ecosystem-graphs/assets/${f}`)),
  ],
];

async function importAll(chunkRows?: number) {
  const own = await startOwnStore({ heap: '1g' });
  try {
    const service = new ImportService(own.store);
    const reports: ImportReport[] = [];
    let chunks = 0;
    for (const [format, files] of IMPORTS) {
      const { report } = await service.run(format, files, {
        by: 'test',
        chunkRows,
        onChunk: (written) => void (chunks = Math.max(chunks, written)),
      });
      reports.push(report);
    }
    const hash: GraphHash = await own.store.graphHash();
    return { reports, hash, version: await own.store.graphVersion(), chunks };
  } finally {
    await own.stop();
  }
}

describe('an import written in chunks', () => {
  it('stores exactly what the same import in one transaction stores', async () => {
    const whole = await importAll();
    const chunked = await importAll(10);
    expect(whole.reports.every((r) => r.importId === undefined)).toBe(true);
    expect(whole.chunks).toBe(0);
    expect(chunked.reports[0]!.importId).toMatch(/^import-/);
    expect(chunked.chunks).toBeGreaterThan(2);
    expect(chunked.hash).toEqual(whole.hash);
    expect(chunked.version).toBe(whole.version);
    expect(chunked.reports.map(({ importId: _id, ...r }) => r)).toEqual(whole.reports);
  });
});
