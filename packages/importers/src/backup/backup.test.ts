import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DomainError } from '@lineage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planBackup } from './backup';
import { BackupWriter, backupDigest, type BackupItem } from './backup-format';

const items: BackupItem[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    node: {
      id: `provider:p${i}`,
      kind: 'Provider' as const,
      name: `Provider ${i}`,
      aliases: [],
      sources: [],
      verified: true,
    },
  })),
  {
    node: {
      id: 'model:p0/base',
      kind: 'BaseModel',
      name: 'Base',
      aliases: [],
      sources: [],
      verified: true,
    },
  } as BackupItem,
  { relationship: { type: 'DEVELOPED_BY', from: 'model:p0/base', to: 'provider:p0' } } as never,
];

function backupText(list = items): string {
  const writer = new BackupWriter();
  return (
    writer.header(7, '2026-01-01T00:00:00.000Z') +
    list.map((i) => writer.line(i)).join('') +
    writer.trailer()
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lineage-backup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function plan(name: string, text: string) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return planBackup(file);
}
const refusal = (name: string, text: string) =>
  plan(name, text).then(
    () => undefined,
    (error: DomainError) => error,
  );

describe('backups', () => {
  it('read back every node and relationship a writer wrote', async () => {
    const read = await plan('whole.jsonl', backupText());
    expect(read.records).toBe(items.length);
    expect(read.batch.nodes.map((n) => n.id)).toEqual(
      items.flatMap((i) => ('node' in i ? [i.node.id] : [])),
    );
    expect(read.batch.relationships).toHaveLength(1);
  });

  it('refuse a backup cut off at any line or byte, naming the file', async () => {
    const text = backupText();
    const cuts = new Set<number>();
    for (let at = 0; at < text.length - 1; at += 37) cuts.add(at);
    // Every line boundary too: a cut there leaves whole lines, the case that restored silently.
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) cuts.add(at + 1);
    cuts.delete(text.length);
    for (const cut of cuts) {
      const error = await refusal('cut.jsonl', text.slice(0, cut));
      expect(error?.code, `cut at ${cut}`).toBe('VALIDATION');
      expect(error?.message).toMatch(/^cut\.jsonl: /);
    }
    expect(
      (await refusal('cut.jsonl', text.slice(0, text.lastIndexOf('{"node"'))))?.message,
    ).toMatch(/truncated .* or from before trailers/);
  });

  it('refuse a backup from before trailers, saying so', async () => {
    const old = [
      JSON.stringify({ format: 'lineage-backup', version: 1, graphVersion: 3 }),
      ...items.map((i) => JSON.stringify(i)),
      '',
    ].join('\n');
    expect((await refusal('v1.jsonl', old))?.message).toMatch(
      /^v1\.jsonl: does not end with a backup trailer: .*from before trailers/,
    );
  });

  it('refuse lines changed after the export, and a trailer whose counts do not match', async () => {
    const text = backupText();
    const changed = text.replace('Provider 3', 'Provider 9');
    expect((await refusal('changed.jsonl', changed))?.message).toMatch(
      /^changed\.jsonl: its content does not match the sha256 in its trailer/,
    );
    // A trailer rewritten with a matching hash but counts that are not the file's.
    const body = text.slice(0, text.slice(0, -1).lastIndexOf('\n') + 1);
    const forged = `${body}${JSON.stringify({ trailer: { nodes: 99, relationships: 1, sha256: backupDigest(body) } })}\n`;
    expect((await refusal('forged.jsonl', forged))?.message).toMatch(
      /forged\.jsonl: holds 7 nodes and 1 relationships, its trailer says 99 and 1/,
    );
  });

  it('refuse a line with a key given twice, naming its line', async () => {
    const writer = new BackupWriter();
    const twice = '{"node":{"id":"provider:a","kind":"Provider","name":"A","name":"B"}}';
    const text = writer.header(1, '') + writer.line(items[0]!);
    // The duplicate goes in through the hash, as a hand-made file would be hashed by a forger.
    const body = `${text}${twice}\n`;
    const trailer = JSON.stringify({
      trailer: { nodes: 2, relationships: 0, sha256: backupDigest(body) },
    });
    expect((await refusal('twice.jsonl', `${body}${trailer}\n`))?.message).toMatch(
      /twice\.jsonl:3: the key "name" appears twice in one object/,
    );
  });
});
