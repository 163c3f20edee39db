import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { validationError } from '@lineage/domain';

// V8 cannot hold a longer string; a bigger file would fail deep inside a parser instead.
const MAX_FILE_BYTES = 512 * 1024 * 1024;

const isInside = (root: string, target: string) => {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * What an import input really is, refusing what an import must never open: anything but a
 * regular file or a directory (a FIFO would block the read forever, a device never ends), and
 * a symlink whose target lies outside `root` (by default the input's own directory), such as
 * a link to /etc/passwd.
 */
export async function inputKind(input: string, root?: string): Promise<'file' | 'directory'> {
  const link = await lstat(input).catch(() => {
    throw validationError(`${input}: no such file or directory`);
  });
  if (link.isSymbolicLink()) {
    const target = await realpath(input).catch(() => {
      throw validationError(`${input}: a symlink to nothing`);
    });
    const within = await realpath(root ?? path.dirname(input));
    if (!isInside(within, target))
      throw validationError(
        `${input}: a symlink to ${target}, outside ${within}; imports follow only links that stay in their directory`,
      );
  }
  const info = await stat(input);
  if (info.isDirectory()) return 'directory';
  if (!info.isFile())
    throw validationError(`${input}: not a regular file (a FIFO, socket or device); not read`);
  if (info.size > MAX_FILE_BYTES)
    throw validationError(
      `${input}: ${Math.round(info.size / 2 ** 20)} MB, more than the ${MAX_FILE_BYTES / 2 ** 20} MB an import reads`,
    );
  return 'file';
}

/** A file's text, after inputKind() has said it is a regular file. */
export async function readInputText(file: string, root?: string): Promise<string> {
  if ((await inputKind(file, root)) === 'directory')
    throw validationError(`${file}: a directory, where a file was expected`);
  return readFile(file, 'utf8');
}

/**
 * The first `chars` characters of a file (to tell its format), reading no more than they can
 * take: a 200 MB file is not read whole to look at its first line.
 */
export async function readInputHead(file: string, chars: number, root?: string): Promise<string> {
  if ((await inputKind(file, root)) === 'directory')
    throw validationError(`${file}: a directory, where a file was expected`);
  const handle = await open(file, 'r');
  try {
    // A character takes at most 4 bytes of UTF-8; one cut at the end lies beyond `chars`.
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(chars * 4), 0, chars * 4, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').slice(0, chars);
  } finally {
    await handle.close();
  }
}

/**
 * The files of a directory (recursively when asked) whose names `wanted` accepts, each checked
 * by inputKind() against the directory itself: a `..` symlink in it is refused, not followed.
 */
export async function listInputDir(
  dir: string,
  wanted: (name: string) => boolean,
  { recursive = false } = {},
): Promise<string[]> {
  if ((await inputKind(dir)) !== 'directory')
    throw validationError(`${dir}: a file, where a directory was expected`);
  const entries = await readdir(dir, { recursive, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    // A link is judged by where it leads before it is listed or skipped: one leaving the
    // directory is refused even when its name is not one the import reads.
    const kind = entry.isSymbolicLink()
      ? await inputKind(full, dir)
      : entry.isDirectory()
        ? 'directory'
        : undefined;
    if (kind === 'directory' || !wanted(entry.name)) continue;
    await inputKind(full, dir);
    files.push(full);
  }
  return files.sort();
}
