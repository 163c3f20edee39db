import { validationError } from '@lineage/domain';
import type { WriteReport } from '@lineage/graph-store';
import {
  detectFormat,
  IMPORT_FORMATS,
  prepareImport,
  type ImportFormat,
  type ImportPlan,
} from '@lineage/importers';
import { Option, type Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson, progressBar } from '../output';

export function registerImport(program: Command, env: () => CliEnv) {
  program
    .command('import')
    .description('import files of one format, all or nothing, and report what happened')
    .argument('<files...>', 'files (a directory for AVID reports or JailbreakBench tables)')
    .addOption(
      new Option('--format <format>', "the files' format (guessed when left out)").choices(
        IMPORT_FORMATS,
      ),
    )
    .option('--json', 'print the report as JSON')
    .action(async (files: string[], options: { format?: ImportFormat; json?: boolean }) => {
      const formats = options.format
        ? [options.format]
        : [...new Set(await Promise.all(files.map(detectFormat)))];
      if (formats.length !== 1)
        throw new Error(
          `the files hold several formats (${formats.join(', ')}): import them one format at a time`,
        );
      const format = formats[0]!;
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        await graph.store.migrate();
        log(`reading ${files.length} ${format} file(s)...`);
        const reconcile = await prepareImport(format, files);
        let bar: ReturnType<typeof progressBar> | undefined;
        let shown = 0;
        // Reconciled inside the write transaction, under the write lock: what the import decides
        // from the stored records (link or create) cannot be overtaken by another writer.
        const { planned: plan, report } = await graph.store.writePlanned(
          async (lookup) => {
            log('reconciling with the stored graph, under the write lock...');
            const plan = await reconcile(lookup);
            // Reading nothing is almost always a wrong path or format; a backup's trailer vouches for its count.
            if (!plan.records && format !== 'backup')
              throw validationError(
                `${files.join(', ')}: no ${format} records read; nothing imported`,
              );
            const { nodes, relationships } = plan.batch;
            log(
              `writing ${nodes.length} nodes and ${relationships.length} relationships in one transaction...`,
            );
            return plan;
          },
          (plan) => ({
            by: 'cli',
            action: `import ${format}`,
            summary: `${format}: ${plan.records} records from ${files.length} file(s)`,
          }),
          (written, total) => {
            bar ??= progressBar('writing rows', total);
            bar.increment(written - shown);
            shown = written;
          },
        );
        bar?.stop();
        if (options.json)
          printJson({
            ...plan.notes,
            format,
            records: plan.records,
            linked: plan.linked,
            ...report,
          });
        else printReport(plan, report);
      } finally {
        await graph.close();
      }
    });
}

function printReport(plan: ImportPlan, report: WriteReport) {
  const { nodes: n, relationships: r } = report;
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`${plan.format}: ${plan.records} records read`);
  out(
    `nodes          ${n.created} created, ${n.updated} updated, ${n.unchanged + plan.linked} unchanged (${plan.linked} stored records linked, never rewritten)`,
  );
  out(`relationships  ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`);
  out(`graph version  ${report.graphVersion}${report.changed ? '' : ' (nothing changed)'}`);
  const sections: [string, string[]][] = [
    ['unresolved references', plan.notes.unresolved],
    ['ambiguous names, not merged', plan.notes.ambiguous],
    ['duplicates', plan.notes.duplicates],
    ['self-loops refused', plan.notes.selfLoops],
    ['edges on dependency cycles, refused', plan.notes.cycles],
    ['remarks (read, not filed, or inconsistent)', plan.notes.remarks],
  ];
  for (const [title, lines] of sections) {
    out(`${title}: ${lines.length}`);
    for (const line of lines.slice(0, 20)) out(`  ${line}`);
    if (lines.length > 20) out(`  ... ${lines.length - 20} more (--json lists them all)`);
  }
}
