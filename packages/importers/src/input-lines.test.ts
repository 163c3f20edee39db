import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachInputLine, ReadMeter, type ReadProgress } from './input-lines';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function linesOf(text: string) {
  const file = path.join(dir, 'lines.txt');
  await writeFile(file, text);
  const lines: [number, string][] = [];
  await forEachInputLine(file, (line, number) => void lines.push([number, line]));
  return lines;
}

describe('forEachInputLine', () => {
  it('numbers lines exactly as a whole-text split on /\\r?\\n/ does', async () => {
    for (const text of ['', 'a', 'a\n', 'a\r\nb\r\n', 'a\rb\n\nc', 'x\r', '\n\n', 'é\nü\r\n€'])
      expect(await linesOf(text)).toEqual(text.split(/\r?\n/).map((line, i) => [i + 1, line]));
  });

  it('keeps lines whole across the chunks of a large file, multi-byte characters included', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `row-${i},é€${'x'.repeat(i % 50)}`);
    const text = rows.join('\r\n');
    const lines = await linesOf(text);
    expect(lines.length).toBe(rows.length);
    expect(lines.every(([number, line]) => line === rows[number - 1])).toBe(true);
  });

  it('tells the progress of the reading, bytes and rows, and the whole at the end', async () => {
    const file = path.join(dir, 'progress.txt');
    await writeFile(file, 'a\nb\nc\n');
    const told: ReadProgress[] = [];
    const meter = await ReadMeter.of([file], (progress) => told.push(progress));
    await forEachInputLine(file, () => {}, { meter });
    meter.finish();
    expect(told.at(-1)).toEqual({ bytesRead: 6, totalBytes: 6, rows: 4 });
  });
});
