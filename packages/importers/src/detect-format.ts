import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { validationError } from '@lineage/domain';
import { inputKind, readInputHead } from './input-files';
import { isVexDocument } from './vex/detect-vex';

// What a format is told by: its first characters.
const HEAD_CHARS = 400;

export const IMPORT_FORMATS = [
  'ecosystem-graphs',
  'hf-tree',
  'hf-cards',
  'avid',
  'jailbreakbench',
  'cyclonedx',
  'vex',
  'backup',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const OPENVEX_CONTEXT = /"@context"\s*:\s*"https:\/\/openvex\.dev\/ns/;

/** The most of a CycloneDX document read to tell a VEX from a BOM; larger ones are BOMs. */
const MAX_VEX_BYTES = 50 * 1024 * 1024;

/** A CycloneDX document that states analyses and lists no lineage of its own (isVexDocument). */
async function isVexFile(input: string): Promise<boolean> {
  if ((await stat(input)).size > MAX_VEX_BYTES) return false;
  return isVexDocument(await readFile(input, 'utf8'));
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

const cannotTell = (input: string, what: string) =>
  validationError(
    `${input}: cannot tell its format (${what}); pass --format (${IMPORT_FORMATS.join(', ')})`,
  );

/**
 * The format of a file or directory from its name and contents, for when the caller does not
 * say. A directory is judged by what it holds, never by its name (a directory may be called
 * `x.csv`); one that matches no format is refused rather than read as nothing.
 */
export async function detectFormat(input: string): Promise<ImportFormat> {
  if ((await inputKind(input)) === 'directory') return directoryFormat(input);
  const head = await readInputHead(input, HEAD_CHARS);
  if (isYaml(input)) return 'ecosystem-graphs';
  if (input.endsWith('.csv'))
    return /^method,model,attack_type,/.test(head) ? 'jailbreakbench' : 'hf-tree';
  if (head.includes('"format":"lineage-backup"') || head.includes('"format": "lineage-backup"'))
    return 'backup';
  if (OPENVEX_CONTEXT.test(head)) return 'vex';
  if (head.includes('"bomFormat"')) return (await isVexFile(input)) ? 'vex' : 'cyclonedx';
  if (head.includes('"data_type"') && head.includes('AVID')) return 'avid';
  if (input.endsWith('.jsonl')) return 'hf-cards';
  throw cannotTell(input, 'neither its name nor its first lines match one');
}

async function directoryFormat(dir: string): Promise<ImportFormat> {
  const entries = await readdir(dir, { recursive: true });
  const names = entries.map((entry) => path.basename(entry));
  if (names.some((name) => /^jbb_.*\.csv$/.test(name))) return 'jailbreakbench';
  if (names.some((name) => /^AVID-\d{4}-R\d+\.json$/.test(name))) return 'avid';
  const json = entries.find((entry) => entry.endsWith('.json'));
  if (json && (await readInputHead(path.join(dir, json), HEAD_CHARS, dir)).includes('AVID'))
    return 'avid';
  // Ecosystem Graphs keeps one YAML list of assets per organisation, in assets/.
  if (entries.some((entry) => isYaml(entry) && !entry.includes(path.sep)))
    return 'ecosystem-graphs';
  if (entries.some((entry) => isYaml(entry) && path.dirname(entry) === 'assets'))
    return 'ecosystem-graphs';
  throw cannotTell(
    dir,
    entries.length
      ? 'a directory without AVID reports (AVID-*.json), JailbreakBench tables (jbb_*.csv) or Ecosystem Graphs assets (*.yaml)'
      : 'an empty directory',
  );
}
