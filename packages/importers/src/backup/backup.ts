import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  describeIssues,
  entityInputSchema,
  relationshipInputSchema,
  validationError,
  type EntityInput,
  type RelationshipInput,
} from '@lineage/domain';
import { BatchBuilder, emptyNotes, type ImportPlan } from '../plan';

export const BACKUP_FORMAT = 'lineage-backup';

/** The first line of a backup: what it is and which graph version it holds. */
export function backupHeader(graphVersion: number, exportedAt: string): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: 1, graphVersion, exportedAt })}\n`;
}

/** One node or relationship per line after the header. */
export function backupLine(
  item: { node: EntityInput } | { relationship: RelationshipInput },
): string {
  return `${JSON.stringify(item)}\n`;
}

/** A backup read back: every line checked with the domain's schemas before anything is written. */
export async function planBackup(file: string): Promise<ImportPlan> {
  const name = path.basename(file);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const problems: string[] = [];
  if (headerOf(lines[0] ?? '')?.format !== BACKUP_FORMAT) {
    throw validationError(
      `${name}:1: not a Lineage backup (its first line has no "format": "${BACKUP_FORMAT}")`,
    );
  }
  const builder = new BatchBuilder();
  let records = 0;
  lines.forEach((line, i) => {
    if (i === 0 || !line.trim()) return;
    const at = `${name}:${i + 1}`;
    let item: { node?: unknown; relationship?: unknown } | undefined;
    try {
      item = parseJson(line);
    } catch (error) {
      return void problems.push(`${at}: not JSON (${(error as Error).message})`);
    }
    if (!item) return void problems.push(`${at}: a line holds a "node" or a "relationship"`);
    records++;
    if ('node' in item) {
      const { updatedAt: _stamp, ...fields } = (item.node ?? {}) as Record<string, unknown>;
      const parsed = entityInputSchema.safeParse(fields);
      if (parsed.success) builder.addNode(parsed.data);
      else problems.push(...describeIssues(parsed.error, 'node').map((p) => `${at}: ${p}`));
    } else if ('relationship' in item) {
      const parsed = relationshipInputSchema.safeParse(item.relationship);
      if (parsed.success) builder.addRelationship(parsed.data);
      else problems.push(...describeIssues(parsed.error, 'relationship').map((p) => `${at}: ${p}`));
    } else problems.push(`${at}: a line holds a "node" or a "relationship"`);
  });
  if (problems.length)
    throw validationError(`${name} has ${problems.length} problem(s)`, problems.slice(0, 50));
  return { format: BACKUP_FORMAT, records, batch: builder.build(), linked: 0, notes: emptyNotes() };
}

/** A JSON object, or undefined for any other JSON value (null, a list, a number). */
function parseJson(text: string): Record<string, unknown> | undefined {
  const value: unknown = JSON.parse(text);
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function headerOf(line: string): Record<string, unknown> | undefined {
  try {
    return parseJson(line);
  } catch {
    return undefined;
  }
}
