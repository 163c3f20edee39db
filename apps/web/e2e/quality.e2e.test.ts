import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startService } from '@lineage/cli';
import { freePort } from '@lineage/graph-store/testing';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  sharedBrowser,
  openPage,
  screenshot,
  waitForGraph,
  webUrl,
} from './browser';
import { childEnvironment } from './env';

const browser = sharedBrowser();

const PAGES: { name: string; route: string; graph?: boolean }[] = [
  { name: 'home', route: '/' },
  {
    name: 'explore',
    route: '/explore?focus=model%3Adeepseek-ai%2FDeepSeek-R1&depth=2',
    graph: true,
  },
  { name: 'explore-start', route: '/explore' },
  { name: 'node', route: '/nodes/model%3Adeepseek-ai/DeepSeek-R1-Distill-Qwen-7B' },
  { name: 'defect', route: '/defects/defect%3AFMD-2026-0009', graph: true },
  // A deployment's model timeline and exposure windows, and a defect's impact on a past day.
  { name: 'node-as-of', route: '/nodes/deployment%3Aopenai/chatgpt?asOf=2024-01-01' },
  {
    name: 'defect-as-of',
    route: '/defects/defect%3AFMD-2026-0010?asOf=2024-01-01&disclosedOnly=1',
    graph: true,
  },
  {
    name: 'what-if',
    route: '/what-if?node=model%3Ameta-llama%2FLlama-3.1-8B&category=JAILBREAK&severity=HIGH',
    graph: true,
  },
  { name: 'not-found', route: '/nodes/model%3Anobody/nothing' },
];

describe.each([
  [1280, 800],
  [1920, 1080],
])('every page at %ix%i', (width, height) => {
  for (const { name, route, graph } of PAGES) {
    it(`${name} has no serious accessibility problem and loads nothing from elsewhere`, async () => {
      const { page, external, errors, close } = await openPage(browser(), width, height);
      try {
        await page.goto(webUrl(route), { waitUntil: 'networkidle' });
        if (graph) await waitForGraph(page);
        await expectAccessible(page);
        await screenshot(page, `${name}-${width}x${height}`);
        expect(external).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

describe('states', () => {
  it('answers an unknown id with a not-found page that search engines do not index', async () => {
    const { page, close } = await openPage(browser());
    try {
      // No loading boundary streams ahead of the node page, so notFound() sets the status.
      const response = await page.goto(webUrl('/nodes/model%3Anobody/nothing'));
      expect(response?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Not in the graph' }).waitFor();
      const robots = await page
        .locator('meta[name="robots"]')
        .evaluateAll((tags) => tags.map((t) => t.getAttribute('content')));
      expect(robots.join(' ')).toContain('noindex');
    } finally {
      await close();
    }
  });

  it('says so, and offers to retry, when the API is down', async () => {
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    const port = await freePort();
    const deadApi = `http://127.0.0.1:${await freePort()}/graphql`;
    const running = await startService({
      name: 'web-without-api',
      command: process.execPath,
      args: [path.join(repo, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
      cwd: path.join(repo, 'apps/web'),
      env: childEnvironment({ LINEAGE_API_URL: deadApi, LINEAGE_PUBLIC_API_URL: deadApi }),
      url: `http://127.0.0.1:${port}`,
      // A static file: it answers whether or not the API does.
      healthUrl: `http://127.0.0.1:${port}/icon.svg`,
      log: () => {},
    });
    const { page, close } = await openPage(browser());
    try {
      await page.goto(`${running.url}/`);
      await page.getByRole('heading', { name: 'This page could not be loaded' }).waitFor();
      expect(await page.textContent('body')).toContain('not reachable');
      await page.getByRole('link', { name: 'Try again' }).waitFor();
      await screenshot(page, 'api-down');
    } finally {
      await close();
      await running.stop();
    }
  });
});
