import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// What `docker compose up` promises, read from the files themselves: each service can start
// (what it waits for can become healthy or complete), listens where it is published, and
// runs commands that exist in the image.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8');

interface Service {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const service = (name: string) => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no ${name} service`);
  return found;
};
const scripts = (workspace: string) =>
  (JSON.parse(read(`${workspace}/package.json`)) as { scripts: Record<string, string> }).scripts;

describe('docker-compose.yml', () => {
  it('gives a health check to every service another waits on to be healthy', () => {
    const waitedOn = Object.values(services).flatMap((s) =>
      Object.entries(s.depends_on ?? {})
        .filter(([, on]) => on.condition === 'service_healthy')
        .map(([name]) => name),
    );
    expect(waitedOn).toContain('api');
    for (const name of waitedOn) expect(service(name).healthcheck?.test, name).toBeDefined();
    for (const s of Object.values(services))
      for (const name of Object.keys(s.depends_on ?? {})) expect(services).toHaveProperty(name);
  });

  it("checks the API's readiness (Neo4j answers) with a command the image has", () => {
    const api = service('api');
    const test = api.healthcheck!.test.join(' ');
    expect(test).toContain(`http://127.0.0.1:${api.environment!.PORT}/ready`);
    // node -e "fetch(...)": the image must be Node 18 or later, where fetch is global.
    expect(api.healthcheck!.test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    const major = Number(/^FROM node:(\d+)/m.exec(read('Dockerfile'))?.[1]);
    expect(major).toBeGreaterThanOrEqual(18);
  });

  it('binds the API on every interface of its container and publishes the ports it listens on', () => {
    const api = service('api');
    const web = service('web');
    // The API binds 127.0.0.1 by default, which no other container nor the host can reach.
    expect(api.environment!.HOST).toBe('0.0.0.0');
    expect(api.ports).toContain(`${api.environment!.PORT}:${api.environment!.PORT}`);
    expect(web.ports).toContain(`${web.environment!.PORT}:${web.environment!.PORT}`);
    expect(web.environment!.LINEAGE_API_URL).toBe(`http://api:${api.environment!.PORT}/graphql`);
  });

  it('runs commands that exist: workspace start scripts and the lineage seed command', () => {
    for (const name of ['api', 'web']) {
      const [npm, run, script, flag, workspace] = service(name).command!;
      expect([npm, run, flag]).toEqual(['npm', 'run', '-w']);
      const folder = { '@lineage/api': 'apps/api', '@lineage/web': 'apps/web' }[workspace!];
      expect(scripts(folder!)[script!], `${name}: ${script}`).toBeDefined();
    }
    expect(service('seed').command).toEqual(['npx', 'lineage', 'seed']);
    expect(read('packages/cli/src/main.ts')).toContain('registerSeed(program');
  });

  it('seeds once, before the API starts, and never restarts the seed step', () => {
    const seed = service('seed');
    expect(seed.restart).toBe('no');
    expect(seed.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(service('api').depends_on?.seed?.condition).toBe('service_completed_successfully');
    for (const name of ['seed', 'api'])
      expect(service(name).environment!.NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it('builds an image holding every workspace, so npm ci there matches the lock file', () => {
    const { workspaces } = JSON.parse(read('package.json')) as { workspaces: string[] };
    const copied = [...read('Dockerfile').matchAll(/^COPY (.+) \S+$/gm)].flatMap((m) =>
      m[1]!.split(/\s+/),
    );
    for (const workspace of workspaces)
      expect(copied, `Dockerfile copies ${workspace}`).toContain(workspace.split('/')[0]);
  });

  const cli = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  it.skipIf(cli.error !== undefined)('passes docker-compose config -q', () => {
    const checked = spawnSync('docker-compose', ['config', '-q'], { cwd: root, encoding: 'utf8' });
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });
});
