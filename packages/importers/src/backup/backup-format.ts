import { createHash, type Hash } from 'node:crypto';
import type { EntityInput, RelationshipInput } from '@lineage/domain';

export const BACKUP_FORMAT = 'lineage-backup';
/** Version 2 backups end with a trailer; version 1 (before trailers) had none. */
export const BACKUP_VERSION = 2;

export type BackupItem = { node: EntityInput } | { relationship: RelationshipInput };

/** The last line of a backup: what came before it, so a cut-off file cannot pass for whole. */
export interface BackupTrailer {
  nodes: number;
  relationships: number;
  /** sha256 (hex) over every byte before the trailer line, header included. */
  sha256: string;
}

/**
 * Writes a backup's lines: a header, one node or relationship per line, then a trailer that
 * counts them and hashes everything before it. Each method returns the text to write.
 */
export class BackupWriter {
  private readonly hash: Hash = createHash('sha256');
  private nodes = 0;
  private relationships = 0;

  header(graphVersion: number, exportedAt: string): string {
    return this.hashed(
      JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, graphVersion, exportedAt }),
    );
  }

  line(item: BackupItem): string {
    if ('node' in item) this.nodes++;
    else this.relationships++;
    return this.hashed(JSON.stringify(item));
  }

  trailer(): string {
    const trailer: BackupTrailer = {
      nodes: this.nodes,
      relationships: this.relationships,
      sha256: this.hash.digest('hex'),
    };
    return `${JSON.stringify({ trailer })}\n`;
  }

  private hashed(json: string): string {
    const line = `${json}\n`;
    this.hash.update(line);
    return line;
  }
}

/** The sha256 a trailer must state for the text before it. */
export function backupDigest(textBeforeTrailer: string): string {
  return createHash('sha256').update(textBeforeTrailer).digest('hex');
}
