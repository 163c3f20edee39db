import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { descendants, parseVmHwm, peakRss } from './peak-memory';

describe('peak memory', () => {
  it('reads VmHWM from a status file in bytes', () => {
    expect(parseVmHwm('Name:\tnode\nVmPeak:\t 900 kB\nVmHWM:\t  2048 kB\nVmRSS:\t 1 kB\n')).toBe(
      2048 * 1024,
    );
    expect(parseVmHwm('Name:\tkthread\n')).toBeUndefined();
  });

  it("finds this process's peak and a child it started", async () => {
    expect(peakRss(process.pid)).toBeGreaterThan(1024 * 1024);
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      expect(descendants(process.pid).map((p) => p.pid)).toContain(child.pid);
    } finally {
      child.kill();
    }
    expect(peakRss(2 ** 22 + 7)).toBeUndefined();
  });
});
