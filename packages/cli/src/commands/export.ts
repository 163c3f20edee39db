import type { BackupService } from '@lineage/core';
import type { BackupItem } from '@lineage/importers';
import type { Command } from 'commander';
import { writeBackup } from '../backup-file';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, progressBar } from '../output';

export function registerExport(program: Command, env: () => CliEnv) {
  program
    .command('export')
    .description(
      'write the whole graph as JSON Lines (a backup that import --format backup restores)',
    )
    .option('--out <file>', 'the file to write, whole or not at all (stdout when left out)')
    .action(async (options: { out?: string }) => {
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        const { backup } = graph.services;
        const header = await backup.header();
        const counts = { nodes: 0, relationships: 0 };
        await writeBackup(options.out, {
          graphVersion: header.graphVersion,
          exportedAt: new Date().toISOString(),
          items: counted(backup, header.nodes, counts),
        });
        log(
          `exported ${counts.nodes} nodes and ${counts.relationships} relationships${options.out ? ` to ${options.out}` : ''}`,
        );
      } finally {
        await graph.close();
      }
    });
}

/** The backup's items, counted as they pass, with a progress bar over the nodes. */
async function* counted(
  backup: BackupService,
  total: number,
  counts: { nodes: number; relationships: number },
): AsyncGenerator<BackupItem> {
  const bar = progressBar('exporting nodes', total);
  for await (const item of backup.items()) {
    if ('node' in item) {
      counts.nodes++;
      bar.increment();
    } else {
      if (counts.relationships === 0) bar.stop();
      counts.relationships++;
    }
    yield item;
  }
  bar.stop();
}
