import { scaleNamed, type Scale } from './scales';

export interface BenchOptions {
  scale: Scale;
  /** Lineage writes per second during the hub queries, or none. */
  writes?: number;
  /** Import an HF edges CSV through `lineage import` beside a bulk load of the same rows. */
  importEdges?: number;
  /** Stop once the store is loaded (a long load in the background, the rest later). */
  loadOnly: boolean;
  /** Load again even when a loaded store of this scale is cached. */
  reload: boolean;
  logFile: string;
}

export interface RawBenchOptions {
  scale: string;
  writes?: string;
  import?: boolean | string;
  loadOnly?: boolean;
  reload?: boolean;
  log?: string;
}

/** The HF edges an `--import` run writes: a million at most (issue 14's file), fewer below 1M. */
export const MAX_IMPORT_EDGES = 1_000_000;

/** Checks the command line's options, naming the one that is wrong. */
export function parseBenchOptions(raw: RawBenchOptions, defaultLog: string): BenchOptions {
  const scale = scaleNamed(raw.scale);
  const writes = raw.writes === undefined ? undefined : Number(raw.writes);
  if (writes !== undefined && !(Number.isFinite(writes) && writes > 0 && writes <= 1000)) {
    throw new Error(`--writes takes writes per second from 0.1 to 1000, not '${raw.writes}'`);
  }
  let importEdges: number | undefined;
  if (raw.import === true) importEdges = Math.min(MAX_IMPORT_EDGES, scale.nodes);
  else if (typeof raw.import === 'string') {
    importEdges = Number(raw.import);
    if (!Number.isInteger(importEdges) || importEdges < 100 || importEdges > 10_000_000) {
      throw new Error(
        `--import takes a whole number of edges from 100 to 10000000, not '${raw.import}'`,
      );
    }
  }
  if (raw.loadOnly && (writes !== undefined || importEdges !== undefined)) {
    throw new Error('--load-only stops after the load: leave out --writes and --import');
  }
  return {
    scale,
    ...(writes === undefined ? {} : { writes }),
    ...(importEdges === undefined ? {} : { importEdges }),
    loadOnly: raw.loadOnly ?? false,
    reload: raw.reload ?? false,
    logFile: raw.log ?? defaultLog,
  };
}
