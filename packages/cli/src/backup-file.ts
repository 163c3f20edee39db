import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { BackupWriter, type BackupItem } from '@lineage/importers';

export interface BackupSource {
  graphVersion: number;
  exportedAt: string;
  items: AsyncIterable<BackupItem> | Iterable<BackupItem>;
}

/**
 * Writes a backup (header, items, trailer) to `out`, or to stdout when it is left out. A file
 * is written beside `out` under a temporary name and renamed only once whole, so an export
 * that fails half-way leaves no file, and an older backup at `out` stays as it was.
 * Returns the number of items written.
 */
export async function writeBackup(out: string | undefined, source: BackupSource): Promise<number> {
  if (!out) return writeItems(process.stdout, source);
  const temporary = path.join(
    path.dirname(out),
    `.${path.basename(out)}.${process.pid}.${Date.now()}.partial`,
  );
  const file = createWriteStream(temporary, { flags: 'wx' });
  try {
    await once(file, 'open');
    const items = await writeItems(file, source);
    await new Promise<void>((resolve, reject) => {
      file.once('error', reject);
      file.end(resolve);
    });
    await rename(temporary, out);
    return items;
  } catch (error) {
    // Writes still queued fail once the stream is destroyed; the first error is the one to tell.
    file.on('error', () => {});
    if (!file.closed) await new Promise<void>((r) => file.destroy().once('close', () => r()));
    await rm(temporary, { force: true });
    throw error;
  }
}

async function writeItems(
  output: NodeJS.WritableStream,
  { graphVersion, exportedAt, items }: BackupSource,
): Promise<number> {
  const writer = new BackupWriter();
  // A stream error (a full disk) fails the export at its next line instead of going unheard.
  let failure: Error | undefined;
  const onError = (error: Error) => (failure ??= error);
  output.on('error', onError);
  const write = async (text: string) => {
    if (failure) throw failure;
    // events.once rejects when the stream errors while waiting, and cleans up either way.
    if (!output.write(text)) await once(output as NodeJS.EventEmitter, 'drain');
  };
  try {
    let count = 0;
    await write(writer.header(graphVersion, exportedAt));
    for await (const item of items) {
      await write(writer.line(item));
      count++;
    }
    await write(writer.trailer());
    if (failure) throw failure;
    return count;
  } finally {
    output.off('error', onError);
  }
}
