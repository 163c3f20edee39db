import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createServices, seedDatabase } from '@lineage/core';
import type { GraphStore } from '@lineage/graph-store';
import type { ImportFormat } from '@lineage/importers';
import { realData } from '@lineage/importers/testing';
import { repo } from './stack';

/** The four real sources, or undefined (with a printed notice) where any is absent. */
export function realSources() {
  const usedBy = 'the browser tests on the real sources (the seed alone is loaded)';
  const hf = realData('hf-model-tree/edges.csv', usedBy);
  const eg = realData('ecosystem-graphs/assets', usedBy);
  const avid = realData('avid/reports', usedBy);
  const jbb = realData('jailbreakbench', usedBy);
  return hf && eg && avid && jbb ? { hf, eg, avid, jbb } : undefined;
}

/**
 * The graph the browser tests read: the curated seed, then the four real sources in the order
 * a user would import them (about 37,000 nodes). Returns whether the real sources were there.
 */
export async function loadE2eGraph(store: GraphStore, log: (line: string) => void) {
  await seedDatabase(store, path.join(repo, 'seed'));
  const sources = realSources();
  if (!sources) return false;
  const egFiles = (await readdir(sources.eg))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => path.join(sources.eg, file));
  const runs: [ImportFormat, string[]][] = [
    ['hf-tree', [sources.hf]],
    ['ecosystem-graphs', egFiles],
    ['avid', [sources.avid]],
    ['jailbreakbench', [sources.jbb]],
  ];
  const services = createServices(store);
  for (const [format, files] of runs) {
    const started = Date.now();
    await services.imports.run(format, files, { by: 'e2e' });
    log(`imported ${format} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  return true;
}
