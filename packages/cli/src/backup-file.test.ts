import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BackupItem } from '@lineage/importers';
import { planBackup } from '@lineage/importers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from './backup-file';

const provider = (i: number): BackupItem => ({
  node: {
    id: `provider:p${i}`,
    kind: 'Provider',
    name: `P${i}`,
    aliases: [],
    sources: [],
    verified: true,
  },
});

/** Items as an export reads them, page by page, until its connection dies after `lines`. */
async function* dyingAfter(lines: number): AsyncGenerator<BackupItem> {
  for (let i = 0; i < lines; i++) {
    if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield provider(i);
  }
  throw new Error('connection lost');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-backup-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writing a backup file', () => {
  it('leaves no file at --out when the export fails half-way, and no temporary file', async () => {
    const out = path.join(dir, 'failed.jsonl');
    const writing = writeBackup(out, { graphVersion: 1, exportedAt: '', items: dyingAfter(5000) });
    await expect(writing).rejects.toThrow('connection lost');
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the previous backup at --out as it was when a new export fails', async () => {
    const out = path.join(dir, 'kept.jsonl');
    await writeFile(out, 'the previous backup\n');
    await expect(
      writeBackup(out, { graphVersion: 1, exportedAt: '', items: dyingAfter(10) }),
    ).rejects.toThrow('connection lost');
    expect(await readFile(out, 'utf8')).toBe('the previous backup\n');
    expect(await readdir(dir)).toEqual(['kept.jsonl']);
    await rm(out);
  });

  it('writes a whole backup, trailer included, that reads back', async () => {
    const out = path.join(dir, 'whole.jsonl');
    const items = Array.from({ length: 3000 }, (_, i) => provider(i));
    expect(await writeBackup(out, { graphVersion: 4, exportedAt: '', items })).toBe(3000);
    expect((await planBackup(out)).records).toBe(3000);
    expect(await readdir(dir)).toEqual(['whole.jsonl']);
    await rm(out);
  });

  it('fails, leaving nothing, when --out names a directory that does not exist', async () => {
    const out = path.join(dir, 'missing', 'x.jsonl');
    await expect(writeBackup(out, { graphVersion: 1, exportedAt: '', items: [] })).rejects.toThrow(
      /ENOENT/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
