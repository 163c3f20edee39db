import { readdir, readFile } from 'node:fs/promises';

/**
 * The pid of the API child serving `port`: the process whose environment holds that PORT and
 * whose command runs src/main.ts. Read from /proc, so the API exposes nothing new for it.
 */
export async function apiPid(port: number): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (!command.includes('src/main.ts')) continue;
      const environment = (await readFile(`/proc/${entry}/environ`, 'utf8')).split('\0');
      if (environment.includes(`PORT=${port}`)) return Number(entry);
    } catch {
      // A process that ended meanwhile, or one of another user's.
    }
  }
  throw new Error(`no API process serving port ${port}`);
}

/** Resident memory of a process in bytes (VmRSS of /proc/<pid>/status). */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => {
    throw new Error(`process ${pid} is gone: it exited (out of memory?)`);
  });
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kilobytes) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kilobytes) * 1024;
}
