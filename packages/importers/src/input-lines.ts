import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { validationError } from '@lineage/domain';
import { inputKind } from './input-files';

/** How far the reading of an import's files has come, for a person watching a long import. */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  /** Lines read so far (a CSV row, a JSON Lines record). */
  rows: number;
}

export type OnReadProgress = (progress: ReadProgress) => void;

// Often enough to move from the first second, rarely enough to cost nothing.
const PROGRESS_EVERY_MS = 250;

/**
 * Counts what the files of one import have given so far and tells `onProgress` at most every
 * PROGRESS_EVERY_MS, and once at the end (finish), whatever the number of files.
 */
export class ReadMeter {
  private bytesBefore = 0;
  private bytesInFile = 0;
  private rows = 0;
  private lastTold = 0;

  private constructor(
    private readonly totalBytes: number,
    private readonly onProgress: OnReadProgress | undefined,
  ) {}

  static async of(files: string[], onProgress?: OnReadProgress): Promise<ReadMeter> {
    const sizes = onProgress
      ? await Promise.all(
          files.map((file) =>
            stat(file).then(
              (info) => info.size,
              () => 0,
            ),
          ),
        )
      : [];
    return new ReadMeter(
      sizes.reduce((sum, size) => sum + size, 0),
      onProgress,
    );
  }

  /** Bytes of the current file read so far, and rows newly read. */
  advance(bytesInFile: number, rows: number): void {
    this.bytesInFile = bytesInFile;
    this.rows += rows;
    if (!this.onProgress || Date.now() - this.lastTold < PROGRESS_EVERY_MS) return;
    this.lastTold = Date.now();
    this.tell();
  }

  /** The current file is read whole. */
  endFile(): void {
    this.bytesBefore += this.bytesInFile;
    this.bytesInFile = 0;
  }

  finish(): void {
    if (this.onProgress) this.tell();
  }

  private tell() {
    const bytesRead = this.bytesBefore + this.bytesInFile;
    this.onProgress?.({
      bytesRead,
      totalBytes: Math.max(this.totalBytes, bytesRead),
      rows: this.rows,
    });
  }
}

/**
 * Calls `onLine` with each line of a file and its number (from 1), reading it as a stream so a
 * large file never sits in memory as one string. Lines are what `text.split(/\r?\n/)` gives,
 * the last (possibly empty) one included, so line numbers match a whole-text read. The file
 * passes inputKind() first: a regular file, and a symlink only within `root`.
 */
export async function forEachInputLine(
  file: string,
  onLine: (line: string, number: number) => void,
  { root, meter }: { root?: string; meter?: ReadMeter } = {},
): Promise<void> {
  if ((await inputKind(file, root)) === 'directory')
    throw validationError(`${file}: a directory, where a file was expected`);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  let number = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk;
    const before = number;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      onLine(text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end), ++number);
      start = end + 1;
    }
    rest = text.slice(start);
    meter?.advance(stream.bytesRead, number - before);
  }
  onLine(rest, ++number);
  meter?.advance(stream.bytesRead, 1);
  meter?.endFile();
}
