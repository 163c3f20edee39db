import path from 'node:path';
import {
  describeIssues,
  entityInputSchema,
  relationshipInputSchema,
  validationError,
} from '@lineage/domain';
import { readInputText } from '../input-files';
import { BatchBuilder, emptyNotes, type ImportPlan } from '../plan';
import { parseStrictJson } from '../strict-json';
import { BACKUP_FORMAT, BACKUP_VERSION, backupDigest, type BackupTrailer } from './backup-format';

/**
 * A backup read back. Its trailer is checked first (a backup cut off half-way must never
 * restore as if whole), then every line with the domain's schemas, before anything is written.
 */
export async function planBackup(file: string): Promise<ImportPlan> {
  const name = path.basename(file);
  const text = await readInputText(file);
  const { body, trailer } = splitTrailer(name, text);
  const lines = body.split('\n');
  const header = objectOf(lines[0] ?? '');
  if (header?.format !== BACKUP_FORMAT)
    throw validationError(
      `${name}:1: not a Lineage backup (its first line has no "format": "${BACKUP_FORMAT}")`,
    );
  if (header.version !== BACKUP_VERSION)
    throw validationError(
      `${name}:1: a version ${String(header.version)} backup; this Lineage reads version ${BACKUP_VERSION} (with a trailer): export it again`,
    );
  const problems: string[] = [];
  const builder = new BatchBuilder();
  const counted = { nodes: 0, relationships: 0 };
  lines.forEach((line, i) => {
    if (i === 0 || !line.trim()) return;
    const at = `${name}:${i + 1}`;
    let item: Record<string, unknown> | undefined;
    try {
      item = asObject(parseStrictJson(line, at));
    } catch (error) {
      return void problems.push((error as Error).message);
    }
    if (item && 'node' in item) {
      counted.nodes++;
      const { updatedAt: _stamp, ...fields } = (item.node ?? {}) as Record<string, unknown>;
      const parsed = entityInputSchema.safeParse(fields);
      if (parsed.success) builder.addNode(parsed.data);
      else problems.push(...describeIssues(parsed.error, 'node').map((p) => `${at}: ${p}`));
    } else if (item && 'relationship' in item) {
      counted.relationships++;
      const parsed = relationshipInputSchema.safeParse(item.relationship);
      if (parsed.success) builder.addRelationship(parsed.data);
      else problems.push(...describeIssues(parsed.error, 'relationship').map((p) => `${at}: ${p}`));
    } else problems.push(`${at}: a line holds a "node" or a "relationship"`);
  });
  if (counted.nodes !== trailer.nodes || counted.relationships !== trailer.relationships)
    problems.unshift(
      `${name}: holds ${counted.nodes} nodes and ${counted.relationships} relationships, its trailer says ${trailer.nodes} and ${trailer.relationships}`,
    );
  if (problems.length)
    throw validationError(`${name} has ${problems.length} problem(s)`, problems.slice(0, 50));
  return {
    format: BACKUP_FORMAT,
    records: counted.nodes + counted.relationships,
    batch: builder.build(),
    linked: 0,
    matches: [],
    notes: emptyNotes(),
  };
}

/** The text before the trailer line and the trailer, once its hash matches that text. */
function splitTrailer(name: string, text: string): { body: string; trailer: BackupTrailer } {
  const lastLine = text.endsWith('\n') ? text.slice(0, -1).lastIndexOf('\n') + 1 : -1;
  const trailer =
    lastLine > 0 ? (objectOf(text.slice(lastLine))?.trailer as BackupTrailer | undefined) : null;
  if (
    !trailer ||
    !Number.isInteger(trailer.nodes) ||
    !Number.isInteger(trailer.relationships) ||
    typeof trailer.sha256 !== 'string'
  )
    throw validationError(
      `${name}: does not end with a backup trailer: the file is truncated (an export that stopped half-way) or from before trailers; nothing was imported`,
    );
  const body = text.slice(0, lastLine);
  if (backupDigest(body) !== trailer.sha256)
    throw validationError(
      `${name}: its content does not match the sha256 in its trailer: changed or damaged since it was exported; nothing was imported`,
    );
  return { body, trailer };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function objectOf(line: string): Record<string, unknown> | undefined {
  try {
    return asObject(JSON.parse(line));
  } catch {
    return undefined;
  }
}
