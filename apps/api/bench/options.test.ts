import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './options';

const parse = (raw: Parameters<typeof parseBenchOptions>[0]) => parseBenchOptions(raw, 'x.log');

describe('parseBenchOptions', () => {
  it('knows the scales up to 5M and refuses others, naming them', () => {
    expect(parse({ scale: '5M' }).scale).toMatchObject({ name: '5M', nodes: 5_000_000 });
    expect(() => parse({ scale: '2M' })).toThrow(
      /unknown scale '2M': use one of 10k, 100k, 1M, 5M/,
    );
  });

  it('takes writes per second as a positive number', () => {
    expect(parse({ scale: '10k', writes: '10' }).writes).toBe(10);
    expect(parse({ scale: '10k', writes: '0.5' }).writes).toBe(0.5);
    for (const bad of ['0', '-1', 'ten', '5000'])
      expect(() => parse({ scale: '10k', writes: bad })).toThrow(/--writes .*'/);
    expect(parse({ scale: '10k' }).writes).toBeUndefined();
  });

  it('imports a million edges at most, as many as the scale has nodes below that', () => {
    expect(parse({ scale: '10k', import: true }).importEdges).toBe(10_000);
    expect(parse({ scale: '5M', import: true }).importEdges).toBe(1_000_000);
    expect(parse({ scale: '10k', import: '2500' }).importEdges).toBe(2500);
    expect(() => parse({ scale: '10k', import: '1.5' })).toThrow(/--import takes a whole number/);
  });

  it('refuses measurements beside --load-only, and keeps the log file given', () => {
    expect(() => parse({ scale: '1M', loadOnly: true, writes: '10' })).toThrow(/--load-only/);
    expect(parse({ scale: '1M', loadOnly: true, log: 'run.log' })).toMatchObject({
      loadOnly: true,
      reload: false,
      logFile: 'run.log',
    });
  });
});
