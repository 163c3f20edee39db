import { readdirSync, readFileSync } from 'node:fs';

/** A process's peak resident memory (VmHWM) in bytes, or undefined once it is gone. */
export function peakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return parseVmHwm(status);
  } catch {
    return undefined;
  }
}

export function parseVmHwm(status: string): number | undefined {
  const kb = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

/** Every process below `pid` (children, their children...), read from /proc. */
export function descendants(pid: number): { pid: number; command: string }[] {
  const parents = new Map<number, { pid: number; command: string }[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // `pid (command) state ppid ...`: the command may hold spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const command = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      const list = parents.get(ppid) ?? [];
      list.push({ pid: Number(entry), command });
      parents.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: { pid: number; command: string }[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of parents.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/**
 * Polls the peak memory of a process and of what it starts (the CLI's Neo4j JVM) until
 * stopped: VmHWM is each process's own high-water mark, read for as long as it lives.
 */
export function watchPeakMemory(pid: number, everyMs = 500) {
  const peaks = new Map<number, { command: string; bytes: number }>();
  const poll = () => {
    for (const process of [{ pid, command: 'main' }, ...descendants(pid)]) {
      const bytes = peakRss(process.pid);
      if (bytes === undefined) continue;
      const known = peaks.get(process.pid);
      if (!known || bytes > known.bytes)
        peaks.set(process.pid, { command: process.command, bytes });
    }
  };
  poll();
  const timer = setInterval(poll, everyMs);
  return {
    /** The main process's peak and the largest Java descendant's (0 when none was seen). */
    stop(): { main: number; jvm: number } {
      clearInterval(timer);
      const main = peaks.get(pid)?.bytes ?? 0;
      const jvm = Math.max(
        0,
        ...[...peaks.entries()]
          .filter(([other, { command }]) => other !== pid && command === 'java')
          .map(([, { bytes }]) => bytes),
      );
      return { main, jvm };
    },
  };
}
