import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError, isDomainError, validationError } from '@lineage/domain';
import { IMPORT_FORMATS, type ImportFormat } from '@lineage/importers';
import { detectImportFormat } from './import-service';

/**
 * The formats a file sent over the network may hold: every import format but a backup, whose
 * restore rewrites records as they were and belongs to whoever runs the database (the CLI).
 */
export const UPLOAD_FORMATS = IMPORT_FORMATS.filter(
  (format): format is Exclude<ImportFormat, 'backup'> => format !== 'backup',
);
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];

export interface UploadedFile {
  /** The name the sender gave the file: it picks the format and names rows in messages. */
  fileName: string;
  content: string;
  /** Guessed from the name and the first lines when left out. */
  format?: UploadFormat | undefined;
}

// A name is a label here, never a path: a letter, then letters, digits, dots, dashes, underscores.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,199}$/;

/**
 * Runs `work` on a sent file as the importers read files: written to a directory of its own,
 * removed after. Messages name the file as the sender called it, never the temporary path.
 */
export async function withUploadedFile<T>(
  upload: UploadedFile,
  work: (file: string, format: UploadFormat) => Promise<T>,
): Promise<T> {
  if (!FILE_NAME.test(upload.fileName) || upload.fileName.includes('..'))
    throw validationError(
      `fileName '${upload.fileName.slice(0, 60)}': a plain file name (letters, digits, '.', '-', '_'; at most 200 characters), no directories`,
    );
  const dir = await mkdtemp(path.join(tmpdir(), 'lineage-upload-'));
  try {
    const file = path.join(dir, upload.fileName);
    await writeFile(file, upload.content, { flag: 'wx' });
    const format = upload.format ?? (await detectImportFormat([file]));
    if (!(UPLOAD_FORMATS as readonly string[]).includes(format))
      throw validationError(
        `${upload.fileName}: a ${format} file; files sent to the API may be ${UPLOAD_FORMATS.join(', ')}`,
      );
    return await work(file, format as UploadFormat);
  } catch (error) {
    throw isDomainError(error) ? withoutDir(error, dir) : error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function withoutDir(error: DomainError, dir: string): DomainError {
  const strip = (text: string) => text.replaceAll(`${dir}${path.sep}`, '').replaceAll(dir, '');
  const problems = error.details.problems;
  return new DomainError(
    error.code,
    strip(error.message).replace(/; pass --format \(/, '; name the format ('),
    {
      ...error.details,
      ...(Array.isArray(problems) ? { problems: problems.map((p) => strip(String(p))) } : {}),
    },
  );
}
