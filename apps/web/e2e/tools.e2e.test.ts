import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { seedDatabase } from '@lineage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  expectAccessible,
  openPage,
  screenshot,
  sharedBrowser,
  visibleGraphNodes,
  webUrl,
} from './browser';
import { repo, startStack, type Stack } from './stack';

const browser = sharedBrowser();
const DEPLOYMENT = 'deployment:perplexity-ai/perplexity';
const UNRELATED_CANDIDATES = [
  'deployment:cursor/cursor',
  'deployment:github/copilot',
  'deployment:anthropic/claude-ai',
  'deployment:google/gemini',
  'deployment:mistralai/le-chat',
  'deployment:deepseek-ai/chat',
  'deployment:huggingface/huggingchat',
  'deployment:microsoft/teams-copilot',
];

interface Upstream {
  lineage: { nodes: { distance: number; node: { id: string; kind: string } }[] };
}
const UPSTREAM = `query ($id: ID!) {
  lineage(id: $id, direction: UPSTREAM, depth: 20, maxNodes: 2000) { nodes { distance node { id kind } } }
}`;

describe('CycloneDX download', () => {
  it("downloads a deployment's bill of materials from its page, holding the models it deploys", async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(`/nodes/${DEPLOYMENT.split('/').map(encodeURIComponent).join('/')}`));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download CycloneDX BOM' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^perplexity-ai_perplexity-\d{4}-\d{2}-\d{2}\.cdx\.json$/,
      );
      const bom = JSON.parse(await readFile((await download.path())!, 'utf8'));
      expect(bom.bomFormat).toBe('CycloneDX');
      expect(bom.metadata.component['bom-ref']).toBe(DEPLOYMENT);
      const { lineage } = await api<Upstream>(UPSTREAM, { id: DEPLOYMENT });
      const deployed = lineage.nodes.filter((n) => n.distance === 1 && n.node.kind !== 'Provider');
      expect(deployed.length).toBeGreaterThan(0);
      const refs = bom.components.map((c: { 'bom-ref': string }) => c['bom-ref']);
      for (const model of deployed) expect(refs).toContain(model.node.id);
      await screenshot(page, 'tools-bom-link', false);
      await expectAccessible(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('answers 404 with a JSON error for an unknown deployment', async () => {
    const response = await fetch(webUrl('/api/bom?id=deployment:nobody/nothing'));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('path finder', () => {
  it('shows each hop of a path the API finds, with its relation, and "no path" otherwise', async () => {
    const { lineage } = await api<Upstream>(UPSTREAM, { id: DEPLOYMENT });
    const farthest = [...lineage.nodes]
      .filter((n) => n.node.kind !== 'Provider')
      .sort((a, b) => b.distance - a.distance)[0]!;
    const { path: expected } = await api<{
      path: { nodes: { id: string }[]; length: number } | null;
    }>(`query ($from: ID!, $to: ID!) { path(from: $from, to: $to) { length nodes { id } } }`, {
      from: DEPLOYMENT,
      to: farthest.node.id,
    });
    expect(expected).not.toBeNull();
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      const { page, errors, close } = await openPage(browser(), width, height);
      try {
        await page.goto(webUrl('/paths'), { waitUntil: 'networkidle' });
        await page.getByLabel('From').fill(DEPLOYMENT);
        await page.getByLabel('To').fill(farthest.node.id);
        await page.getByRole('button', { name: 'Find path' }).click();
        await page.getByTestId('path-hops').waitFor();
        const shown = await page
          .locator('[data-testid=path-hops] > li')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-node')));
        expect(shown).toEqual(expected!.nodes.map((n) => n.id));
        expect(await page.getByTestId('path-relation').count()).toBe(expected!.length);
        // The small graph holds the path's nodes, no more.
        await expect
          .poll(async () => (await visibleGraphNodes(page)).sort())
          .toEqual(expected!.nodes.map((n) => n.id).sort());
        await screenshot(page, `tools-path-${width}`);
        await expectAccessible(page);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }

    // Deployments that neither builds on the other: the first the API finds no path for.
    let other: string | undefined;
    for (const candidate of UNRELATED_CANDIDATES) {
      const found = await api<{ path: unknown }>(
        `query ($from: ID!, $to: ID!) { path(from: $from, to: $to) { length } }`,
        { from: DEPLOYMENT, to: candidate },
      );
      if (found.path === null) {
        other = candidate;
        break;
      }
    }
    if (!other) throw new Error('every candidate deployment is joined to Perplexity by a path');
    const { page, close } = await openPage(browser());
    try {
      await page.goto(webUrl(`/paths?${new URLSearchParams({ from: DEPLOYMENT, to: other })}`));
      await expect.poll(() => page.getByTestId('no-path').textContent()).toContain('No chain');
      await screenshot(page, 'tools-no-path', false);
    } finally {
      await close();
    }
  });
});

describe('importing a file', () => {
  // The shared stack's API has no write tokens: a stack of this file's own takes the writes.
  const token = 'e2e-import-token-0123456789';
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      load: (store) => seedDatabase(store, path.join(repo, 'seed')).then(() => undefined),
      apiEnv: { LINEAGE_WRITE_TOKENS: `importer:${token}` },
      log: (line) => process.stderr.write(`[tools] ${line}\n`),
    });
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses without a token, previews, then imports a CycloneDX file with the user token', async () => {
    const fixture = await readFile(
      path.join(repo, 'packages/importers/fixtures/cyclonedx/ml-bom.json'),
    );
    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(`${stack.webUrl}/import`, { waitUntil: 'networkidle' });
      await page.getByLabel('File', { exact: true }).setInputFiles({
        name: 'helpdesk.cdx.json',
        mimeType: 'application/json',
        buffer: fixture,
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(() => page.locator('p.error-text[role=alert]').textContent())
        .toContain('write token');

      await page.getByLabel('Write token', { exact: true }).fill('not-a-token-of-anyone');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(() => page.locator('p.error-text[role=alert]').textContent())
        .toContain('401');

      await page.getByLabel('Write token', { exact: true }).fill(token);
      await page.getByRole('button', { name: 'Preview (dry run)' }).click();
      await page.getByRole('heading', { name: /preview, nothing written/ }).waitFor();
      expect(await page.getByText('CycloneDX', { exact: true }).count()).toBe(1);
      await expectAccessible(page);
      await screenshot(page, 'tools-import-preview');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('heading', { name: /imported$/ }).waitFor();
      expect(await page.getByTestId('nodes-written').textContent()).toMatch(/^[1-9]\d* created/);
      await screenshot(page, 'tools-import-done');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
    // The web app relays only the user's token: a request without one never reaches the API.
    const response = await fetch(`${stack.webUrl}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.webUrl },
      body: JSON.stringify({ fileName: 'x.json', content: '{}' }),
    });
    expect(response.status).toBe(401);
  });
});
