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
import { nodeHref } from '../src/lib/links';
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

describe('writing from the web app', () => {
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

  it('triages a deployment from the defect page, and the watched dashboard drops it', async () => {
    const write = async <T>(query: string, variables: Record<string, unknown>) => {
      const response = await fetch(stack.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: T; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    // A seeded defect and one deployment it reaches, found through the API, not assumed.
    const { defects } = await write<{ defects: { edges: { node: { id: string } }[] } }>(
      `{ defects(first: 200, filter: { status: OPEN }) { edges { node { id } } } }`,
      {},
    );
    let target: { defect: string; deployment: string; name: string } | undefined;
    for (const { node } of defects.edges) {
      const { impact } = await write<{
        impact: { exposed: { edges: { node: { node: { id: string; name: string } } }[] } };
      }>(
        `query ($id: ID!) { impact(defectId: $id, kinds: [Deployment], first: 1) {
          exposed { edges { node { node { id name } } } } } }`,
        { id: node.id },
      );
      const reached = impact.exposed.edges[0]?.node.node;
      if (reached) target = { defect: node.id, deployment: reached.id, name: reached.name };
      if (target) break;
    }
    expect(target).toBeDefined();
    const { defect, deployment, name } = target!;
    await write(
      `mutation ($input: WatchInput!) { watch(input: $input) { userErrors { message } } }`,
      { input: { deploymentId: deployment, owner: 'e2e-team', tags: ['e2e'] } },
    );
    const row = `[data-exposure="${deployment} ${defect}"]`;

    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(`${stack.webUrl}/watched?owner=e2e-team`);
      await page.locator(row).waitFor();
      expect(await page.locator(row).textContent()).toContain('untriaged');
      const openBefore = Number(await page.getByTestId('open-count').getAttribute('data-count'));
      expect(openBefore).toBeGreaterThan(0);
      await expectAccessible(page);
      await screenshot(page, 'watched-before-triage');

      await page.goto(`${stack.webUrl}${nodeHref(defect)}`);
      await page.getByText('Triage a deployment', { exact: true }).click();
      const form = page.getByRole('form', { name: 'Triage a deployment' });
      await form.getByLabel('Deployment').selectOption(deployment);
      await form.getByLabel('State').selectOption('NOT_AFFECTED');
      await form.getByLabel('Justification').selectOption('CODE_NOT_REACHABLE');
      await form.getByLabel('Note').fill('the product never sends the jailbreak prompts on');
      await form.getByLabel('Write token', { exact: true }).fill(token);
      await form.getByRole('button', { name: 'Record triage' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Recorded' }).textContent())
        .toBe(`Recorded: ${name} is not affected.`);
      // The page reloads its impact: the deployment is no longer among the exposed ones.
      await expect
        .poll(() =>
          page.locator(`[data-testid=deployments-table] [data-deployment="${deployment}"]`).count(),
        )
        .toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'defect-triage-form', false);
      // The analysis goes out as OpenVEX from the same page.
      const [vex] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download OpenVEX' }).click(),
      ]);
      expect(vex.suggestedFilename()).toMatch(/\.openvex\.json$/);
      const openvex = JSON.parse(await readFile((await vex.path())!, 'utf8')) as {
        statements: { status: string; justification?: string; products: { '@id': string }[] }[];
      };
      expect(
        openvex.statements.find((s) =>
          s.products.some((p) => p['@id'] === `urn:lineage:${deployment}`),
        ),
      ).toMatchObject({
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
      });

      await page.goto(`${stack.webUrl}/watched?owner=e2e-team`);
      await page.getByTestId('open-count').waitFor();
      expect(await page.locator(row).count()).toBe(0);
      expect(Number(await page.getByTestId('open-count').getAttribute('data-count'))).toBe(
        openBefore - 1,
      );
      await screenshot(page, 'watched-after-triage');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
    const { triage } = await write<{
      triage: { state: string; by: string; justification: string };
    }>(`query ($d: ID!, $n: ID!) { triage(defectId: $d, nodeId: $n) { state by justification } }`, {
      d: defect,
      n: deployment,
    });
    expect(triage).toEqual({
      state: 'NOT_AFFECTED',
      by: 'importer',
      justification: 'CODE_NOT_REACHABLE',
    });
  });
});
