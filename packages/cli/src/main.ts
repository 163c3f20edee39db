import { isDomainError } from '@lineage/domain';
import { Neo4jStartError } from '@lineage/neo4j-embedded';
import { Command, CommanderError } from 'commander';
import { registerBom } from './commands/bom';
import { registerCheck } from './commands/check';
import { registerDiff } from './commands/diff';
import { registerExport } from './commands/export';
import { registerGenerate } from './commands/generate';
import { registerImpact } from './commands/impact';
import { registerImport } from './commands/import';
import { registerLicences } from './commands/licences';
import { registerReview } from './commands/review';
import { registerSeed } from './commands/seed';
import { registerStart } from './commands/start';
import { registerTriage } from './commands/triage';
import { registerVex } from './commands/vex';
import { registerWatch } from './commands/watch';
import { readEnv, type CliEnv } from './env';

let env: CliEnv | undefined;
const lazyEnv = () => (env ??= readEnv());

const program = new Command('lineage')
  .description('Lineage: the AI supply chain in Neo4j — load, explore and check it')
  .showHelpAfterError()
  .exitOverride();

registerStart(program, lazyEnv);
registerSeed(program, lazyEnv);
registerImport(program, lazyEnv);
registerReview(program, lazyEnv);
registerTriage(program, lazyEnv);
registerWatch(program, lazyEnv);
registerExport(program, lazyEnv);
registerImpact(program, lazyEnv);
registerBom(program, lazyEnv);
registerVex(program, lazyEnv);
registerCheck(program, lazyEnv);
registerLicences(program, lazyEnv);
registerDiff(program, lazyEnv);
registerGenerate(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}

/** Errors go to stderr as one clear message; the exit code says what kind of failure it was. */
function reportError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode;
  if (isDomainError(error)) {
    process.stderr.write(`lineage: ${error.message} [${error.code}]\n`);
    return 1;
  }
  if (error instanceof Neo4jStartError) {
    process.stderr.write(`lineage: cannot start the embedded Neo4j: ${error.message}\n`);
    return 1;
  }
  // Anything else is still said in one line; the stack helps nobody running a command.
  process.stderr.write(`lineage: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
