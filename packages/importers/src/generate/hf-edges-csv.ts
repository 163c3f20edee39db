import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { RelationshipInput } from '@lineage/domain';
import { generateSynthetic } from './synthetic';

/** The model tree's edge names (read-hf.ts reads them back). */
const EDGE_OF: Partial<Record<RelationshipInput['type'], string>> = {
  FINE_TUNED_FROM: 'finetuned',
  QUANTIZED_FROM: 'quantized',
  MERGED_FROM: 'merged',
  ADAPTER_OF: 'adapter',
};

/** `model:gen1-p3/m17` is the repo `gen1-p3/m17`: an owner/name the HF reader accepts. */
const repoOf = (id: string) => id.slice('model:'.length);

/**
 * The CSV lines (header first) of the synthetic graph's model-to-model lineage as a Hugging
 * Face model-tree edges file: the parent is the source, the child the target.
 */
export function* hfEdgeLines(nodes: number, seed: number): Generator<string> {
  yield 'source,target,edge';
  for (const item of generateSynthetic(nodes, seed)) {
    if (!('relationship' in item)) continue;
    const { type, from, to } = item.relationship;
    const edge = EDGE_OF[type];
    if (edge) yield `${repoOf(to)},${repoOf(from)},${edge}`;
  }
}

/**
 * Writes the synthetic graph's lineage edges as an HF edges CSV, streamed (a million edges
 * never sit in memory), under a temporary name renamed once whole, so a failed write leaves
 * no half file. Returns the edge rows written.
 */
export async function writeHfEdgesCsv(options: {
  nodes: number;
  seed: number;
  file: string;
}): Promise<{ rows: number }> {
  const { file } = options;
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  const out = createWriteStream(temporary);
  let failure: Error | undefined;
  out.on('error', (error) => (failure ??= error));
  let rows = -1;
  try {
    // Lines gathered into ~64 KiB writes: one write per line is several times slower.
    let chunk = '';
    for (const line of hfEdgeLines(options.nodes, options.seed)) {
      chunk += `${line}\n`;
      rows++;
      if (chunk.length < 65_536) continue;
      if (failure) throw failure;
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(chunk, resolve);
    });
    if (failure) throw failure;
    await rename(temporary, file);
    return { rows };
  } catch (error) {
    if (!out.closed) await new Promise<void>((r) => out.destroy().once('close', () => r()));
    await rm(temporary, { force: true });
    throw error;
  }
}
