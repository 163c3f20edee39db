import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFormat } from '../detect-format';
import { realData } from './real-data';

export interface RealSourceImport {
  format: Extract<ImportFormat, 'hf-tree' | 'ecosystem-graphs' | 'avid' | 'jailbreakbench'>;
  files: string[];
}

/**
 * The four real sources as a user imports them, in that order: the Hugging Face tree, Ecosystem
 * Graphs (one file per organisation), AVID, JailbreakBench. Undefined, each absence printed as
 * a notice naming `usedBy`, when any of them is missing.
 */
export async function realSourceImports(usedBy: string): Promise<RealSourceImport[] | undefined> {
  const hf = realData('hf-model-tree/edges.csv', usedBy);
  const eg = realData('ecosystem-graphs/assets', usedBy);
  const avid = realData('avid/reports', usedBy);
  const jbb = realData('jailbreakbench', usedBy);
  if (!hf || !eg || !avid || !jbb) return undefined;
  const egFiles = (await readdir(eg))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => path.join(eg, file));
  return [
    { format: 'hf-tree', files: [hf] },
    { format: 'ecosystem-graphs', files: egFiles },
    { format: 'avid', files: [avid] },
    { format: 'jailbreakbench', files: [jbb] },
  ];
}
