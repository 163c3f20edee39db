import type { BackupItem } from '@lineage/importers';
import type { GraphStore } from '@lineage/graph-store';
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
        const total = Object.values(await graph.store.countByKind()).reduce((a, b) => a + b, 0);
        const counts = { nodes: 0, relationships: 0 };
        await writeBackup(options.out, {
          graphVersion: await graph.store.graphVersion(),
          exportedAt: new Date().toISOString(),
          items: everything(graph.store, total, counts),
        });
        log(
          `exported ${counts.nodes} nodes and ${counts.relationships} relationships${options.out ? ` to ${options.out}` : ''}`,
        );
      } finally {
        await graph.close();
      }
    });
}

async function* everything(
  store: GraphStore,
  total: number,
  counts: { nodes: number; relationships: number },
): AsyncGenerator<BackupItem> {
  const bar = progressBar('exporting nodes', total);
  for await (const node of store.exportNodes()) {
    yield { node };
    counts.nodes++;
    bar.increment();
  }
  bar.stop();
  for await (const relationship of store.exportRelationships()) {
    yield { relationship };
    counts.relationships++;
  }
}
