import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { openGraph, type OpenGraph } from '../database';
import { childEnvironment, type CliEnv } from '../env';
import { log } from '../output';
import { startService } from '../services';
import { newWebToken, startEnvironments } from '../start-environments';
import { supervise, type SupervisedService } from '../supervise';
import { watchNeo4j } from '../watch-neo4j';
import { readSeed } from '@lineage/importers';
import { describeWrite } from './seed';

/**
 * Brings Lineage up on one machine: Neo4j (embedded unless NEO4J_URI is set), migrated and
 * seeded when empty, then the GraphQL API and the web app on it. A child that dies is started
 * again (within a budget, then everything stops with a non-zero exit); Neo4j becoming
 * unreachable and coming back is said as it happens. Ctrl-C stops everything cleanly.
 */
export function registerStart(program: Command, env: () => CliEnv) {
  program
    .command('start')
    .description(
      'start Neo4j (embedded unless NEO4J_URI is set), seed an empty graph, start the API',
    )
    .option('--no-seed', 'do not seed an empty database')
    .option('--no-web', 'do not build and start the web app')
    .action(async (options: { seed: boolean; web: boolean }) => {
      const config = env();
      const services: SupervisedService[] = [];
      let graph: OpenGraph | undefined;
      let watch: { stop(): void } | undefined;
      let stopping = false;
      const stopAll = async (reason: string, code: number) => {
        if (stopping) return;
        stopping = true;
        log(`\n${reason}: stopping...`);
        watch?.stop();
        for (const service of [...services].reverse()) await service.stop();
        await graph?.close();
        log('stopped cleanly');
        process.exit(code);
      };
      process.on('SIGINT', () => void stopAll('SIGINT', 0));
      process.on('SIGTERM', () => void stopAll('SIGTERM', 0));
      // A child that keeps dying is given up on: everything stops, and the exit says so.
      const giveUp = (reason: string) => void stopAll(reason, 1);

      try {
        graph = await openGraph(config, { reuseRunning: false, log });
        const neo4j = graph;
        void neo4j.exited?.then((code) =>
          stopAll(`the embedded Neo4j exited unexpectedly (code ${code})`, 1),
        );
        await prepareGraph(neo4j, config, options.seed);
        const environments = startEnvironments(config, childEnvironment({}), {
          neo4jUri: neo4j.uri,
          webToken: newWebToken(),
        });
        const api = await supervise({
          label: 'the API',
          start: () => startApi(config, environments.api),
          log,
          onGiveUp: giveUp,
        });
        services.push(api);
        watch = watchNeo4j({ readyUrl: `http://127.0.0.1:${config.LINEAGE_API_PORT}/ready`, log });
        if (options.web) {
          buildWeb(config);
          const web = await supervise({
            label: 'the web app',
            start: () => startWeb(config, environments.web),
            log,
            onGiveUp: giveUp,
          });
          services.push(web);
        }
        log('');
        log(`  Neo4j     ${neo4j.where}`);
        log(`  GraphQL   ${api.url} (GraphiQL in a browser)`);
        if (options.web) log(`  Web app   http://localhost:${config.LINEAGE_WEB_PORT}`);
        if (config.LINEAGE_READ_TOKENS)
          log('  Reads need a token; the web app reads with one of its own, made for this run.');
        log('');
        log('Lineage is running. Press Ctrl-C to stop.');
      } catch (error) {
        stopping = true;
        watch?.stop();
        for (const service of services) await service.stop();
        await graph?.close();
        throw error;
      }
    });
}

async function prepareGraph(graph: OpenGraph, config: CliEnv, seed: boolean) {
  const migration = await graph.services.migrate();
  if (migration.applied.length) log(`migrations applied: ${migration.applied.join(', ')}`);
  const { nodes: entities } = await graph.services.browse.stats();
  if (entities === 0 && seed) {
    const contents = await readSeed(path.join(config.repoRoot, 'seed'));
    const report = await graph.services.imports.seed(contents);
    log(`seeded an empty graph: ${describeWrite(report)}`);
  } else {
    log(`graph holds ${entities} nodes; not seeding`);
  }
}

function startApi(config: CliEnv, env: NodeJS.ProcessEnv) {
  const port = config.LINEAGE_API_PORT;
  return startService({
    name: 'api',
    command: process.execPath,
    args: ['--import', 'tsx', 'src/main.ts'],
    cwd: path.join(config.repoRoot, 'apps', 'api'),
    env,
    url: `http://localhost:${port}/graphql`,
    healthUrl: `http://127.0.0.1:${port}/health`,
    log,
  });
}

/** The production build of the web app; turbo skips it when nothing changed since the last. */
function buildWeb(config: CliEnv) {
  log('building the web app (skipped when unchanged)...');
  const result = spawnSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@lineage/web', '--output-logs=errors-only'],
    {
      cwd: config.repoRoot,
      env: childEnvironment({ NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' }),
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error(`the web app did not build (exit ${result.status})`);
}

function startWeb(config: CliEnv, env: NodeJS.ProcessEnv) {
  const port = String(config.LINEAGE_WEB_PORT);
  return startService({
    name: 'web',
    command: process.execPath,
    args: [path.join(config.repoRoot, 'node_modules/next/dist/bin/next'), 'start', '-p', port],
    cwd: path.join(config.repoRoot, 'apps', 'web'),
    env,
    url: `http://localhost:${port}`,
    healthUrl: `http://127.0.0.1:${port}/icon.svg`,
    log,
  });
}
