import { detectImportFormat, type ImportReport } from '@lineage/core';
import { IMPORT_FORMATS, type ImportFormat, type ImportPlan } from '@lineage/importers';
import { Option, type Command } from 'commander';
import { openGraph } from '../database';
import type { CliEnv } from '../env';
import { log, printJson, progressBar } from '../output';
import { printPlanSummary } from './review-output';
import { writePlanFile } from './review-plan-file';

interface ImportOptions {
  format?: ImportFormat;
  json?: boolean;
  plan?: string;
}

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
    .option(
      '--plan <file>',
      'write nothing: reconcile as an import would and write the matches and the names to review to <file> (JSON)',
    )
    .action(async (files: string[], options: ImportOptions) => {
      // Before Neo4j starts: a file of no known format fails at once.
      const format = options.format ?? (await detectImportFormat(files));
      const graph = await openGraph(env(), { reuseRunning: true, log });
      try {
        if (options.plan !== undefined) {
          const plan = await graph.services.review.plan(format, files, log);
          await writePlanFile(options.plan, plan);
          printPlanSummary(plan, options.plan, options.json);
          return;
        }
        const started = Date.now();
        const { plan, report } = await importInterruptibly((signal) => {
          const reading = progress('reading (KiB)');
          const rows = progress('writing rows');
          const chunks = progress('writing chunks', true);
          return graph.services.imports
            .run(format, files, {
              by: 'cli',
              onStep: log,
              onRead: ({ bytesRead, totalBytes }) => {
                reading.update(Math.round(bytesRead / 1024), Math.round(totalBytes / 1024));
                if (bytesRead >= totalBytes) reading.stop();
              },
              onProgress: rows.update,
              onChunk: chunks.update,
              chunkRows: env().LINEAGE_IMPORT_CHUNK_ROWS,
              signal,
            })
            .finally(() => {
              reading.stop();
              rows.stop();
              chunks.stop();
            });
        });
        printTotals(report.importId, Date.now() - started);
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

/**
 * SIGINT or SIGTERM while chunks are written rolls the import back, then fails; before that
 * nothing is written yet (or one transaction is open, which Neo4j drops with the connection),
 * so the process stops at once.
 */
async function importInterruptibly<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    log(`lineage: ${signal}: rolling the import back (again to quit at once)...`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** A bar on a terminal; elsewhere a line per step when `everyStep` (chunks are few), else two. */
function progress(label: string, everyStep = false) {
  let bar: ReturnType<typeof progressBar> | undefined;
  let shown = 0;
  let stopped = false;
  return {
    update: (done: number, total: number) => {
      if (stopped) return;
      if (everyStep && !process.stderr.isTTY) {
        if (done > 0) log(`${label}: ${done} of ${total}`);
        return;
      }
      bar ??= progressBar(label, total);
      bar.increment(done - shown);
      shown = done;
    },
    stop: () => {
      if (!stopped) bar?.stop();
      stopped = true;
    },
  };
}

function printTotals(importId: string | undefined, elapsedMs: number) {
  // maxRSS is in kilobytes.
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  log(
    `${importId ? `import ${importId}: ` : ''}done in ${(elapsedMs / 1000).toFixed(1)} s, peak memory ${peakMiB} MiB`,
  );
}

function printReport(plan: ImportPlan, report: ImportReport) {
  const { nodes: n, relationships: r } = report;
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`${plan.format}: ${plan.records} records read`);
  if (report.importId) out(`import id      ${report.importId}`);
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
