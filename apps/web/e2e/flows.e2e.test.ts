import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  api,
  sharedBrowser,
  openPage,
  screenshot,
  visibleGraphNodes,
  waitForGraph,
  webUrl,
} from './browser';

const browser = sharedBrowser();

/** Clicks a graph node as a person would: centre it, then click where it is drawn. */
async function clickGraphNode(page: Page, id: string) {
  const point = await page.evaluate((nodeId) => {
    const cy = (window as any).__lineageCy;
    const node = cy.getElementById(nodeId);
    cy.center(node);
    const position = node.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + position.x, y: box.top + position.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

/**
 * Opens, page by page, the collapsed group that holds `id` (on the real graph a base model's
 * leaf fine-tunes are folded into "N fine-tunes"); nothing to do where it is drawn already.
 */
async function revealFolded(page: Page, id: string, group: string) {
  for (let step = 0; step < 40; step++) {
    const drawn = await page.evaluate(
      ([nodeId, groupId]) => {
        const cy = (window as any).__lineageCy;
        const folded = cy.getElementById(groupId);
        if (cy.getElementById(nodeId).nonempty() || folded.empty()) return -1;
        const count = cy.nodes().length;
        folded.emit('tap');
        return count;
      },
      [id, group] as const,
    );
    if (drawn < 0) return;
    // Each tap shows the group's next page of members in place.
    await page.waitForFunction(
      (count) => (window as any).__lineageCy.nodes().length > count,
      drawn,
    );
  }
}

const BASE = 'model:meta-llama/Llama-2-7b-hf';
const CHAT = 'model:meta-llama/Llama-2-7b-chat-hf';
const GGUF = 'model:TheBloke/Llama-2-7B-Chat-GGUF';

describe('from search to the explorer', () => {
  it('finds a base model by typing, opens it, and expands its children in the explorer', async () => {
    const { page, external, errors, close } = await openPage(browser());
    try {
      // Type only once React has hydrated, as a person does once the page is up.
      await page.goto(webUrl('/'), { waitUntil: 'networkidle' });
      await page.getByRole('combobox').fill('Llama-2-7b-hf');
      const option = page.getByRole('option').filter({ hasText: BASE });
      await option.waitFor();
      await option.click();
      await page.waitForURL(/\/nodes\/model%3Ameta-llama\/Llama-2-7b-hf$/);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toContain('Llama');
      await screenshot(page, 'node-page');

      await page.goto(
        webUrl(`/explore?focus=${encodeURIComponent(BASE)}&direction=DOWNSTREAM&depth=1`),
      );
      await waitForGraph(page, 2);
      await revealFolded(page, CHAT, `group:${BASE}|FINE_TUNED_FROM|FineTune`);
      expect(await visibleGraphNodes(page)).toContain(CHAT);
      expect(await visibleGraphNodes(page)).not.toContain(GGUF);

      await clickGraphNode(page, CHAT);
      await page.getByRole('heading', { name: 'Llama 2 7B Chat', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Expand children' }).click();
      await page.waitForURL(/expand=/);
      // On the real graph the chat model's hundreds of quantizations are folded into a group.
      const quantizations = `group:${CHAT}|QUANTIZED_FROM|Quantization`;
      await page.waitForFunction(
        ([node, group]) => {
          const cy = (window as any).__lineageCy;
          return cy.getElementById(node).nonempty() || cy.getElementById(group).nonempty();
        },
        [GGUF, quantizations] as const,
        { timeout: 15_000 },
      );
      await revealFolded(page, GGUF, quantizations);
      await expect.poll(() => visibleGraphNodes(page), { timeout: 15_000 }).toContain(GGUF);
      expect(new URL(page.url()).searchParams.get('expand')).toBe(`${CHAT}~DOWNSTREAM`);
      await screenshot(page, 'explorer-expanded');

      // The URL is the view: opening it afresh shows the same graph.
      const shared = page.url();
      const again = await openPage(browser());
      await again.page.goto(shared);
      await waitForGraph(again.page, 3);
      expect((await visibleGraphNodes(again.page)).sort()).toEqual(
        (await visibleGraphNodes(page)).sort(),
      );
      await again.close();
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a defect page', () => {
  const DEFECT = 'defect:FMD-2026-0008';
  interface Row {
    node: { id: string };
    level: string;
    distance: number;
    path: { id: string }[];
  }

  async function impact() {
    const data = await api<{ impact: { exposed: { edges: { node: Row }[] }; mitigated: Row[] } }>(
      `query ($id: ID!) { impact(defectId: $id, first: 500) {
        exposed { edges { node { node { id } level distance path { id } } } }
        mitigated { node { id } level distance path { id } }
      } }`,
      { id: DEFECT },
    );
    return {
      exposed: data.impact.exposed.edges.map((e) => e.node),
      mitigated: data.impact.mitigated,
    };
  }

  it('steps the propagation hop by hop, as far as the API says each node is', async () => {
    const { exposed, mitigated } = await impact();
    const distanceOf = new Map(
      [...exposed, ...mitigated].map((row) => [row.node.id, row.distance]),
    );
    const { page, close } = await openPage(browser());
    try {
      await page.goto(webUrl(`/defects/${DEFECT}`));
      await waitForGraph(page);
      // The graph draws the deployments' paths and the nearest others, "+N more" standing for
      // the rest: every node it draws is one the API reports, at the API's distance.
      const drawn: string[] = await page.evaluate(() =>
        (window as any).__lineageCy
          .nodes()
          .filter((n: any) => n.data('more') === undefined)
          .map((n: { id(): string }) => n.id()),
      );
      expect(drawn.filter((id) => !distanceOf.has(id))).toEqual([]);
      // The stepper goes as far as the furthest node drawn or counted.
      const furthest = Number(await page.locator('#hop').getAttribute('max'));
      expect(furthest).toBeGreaterThanOrEqual(Math.max(...drawn.map((id) => distanceOf.get(id)!)));
      for (let hop = furthest; hop > 0; hop--)
        await page.getByRole('button', { name: 'Previous hop' }).click();
      for (let hop = 0; hop <= furthest; hop++) {
        await expect.poll(() => page.getByTestId('hop-value').textContent()).toBe(String(hop));
        const expected = drawn.filter((id) => distanceOf.get(id)! <= hop).sort();
        await expect
          .poll(async () =>
            (await visibleGraphNodes(page)).filter((id) => !id.startsWith('more:')).sort(),
          )
          .toEqual(expected);
        if (hop === 1) await screenshot(page, 'defect-hop-1');
        if (hop < furthest) await page.getByRole('button', { name: 'Next hop' }).click();
      }
    } finally {
      await close();
    }
  });

  it('lists the exposed deployments the API computes, highlights a path, and exports them as CSV', async () => {
    // The deployments the defect reaches, from its whole impact: the table must list exactly these.
    const { exposed } = await impact();
    const fromApi = exposed
      .filter((row) => row.node.id.startsWith('deployment:'))
      .map((row) => ({ id: row.node.id, level: row.level, distance: row.distance }));
    expect(fromApi.length).toBeGreaterThan(0);
    const exposedDeployments = (
      await api<{ impact: { exposed: { edges: { node: Row }[] } } }>(
        `query ($id: ID!) { impact(defectId: $id, kinds: [Deployment], first: 500) {
          exposed { edges { node { node { id } level distance path { id } } } } } }`,
        { id: DEFECT },
      )
    ).impact.exposed.edges.map((e) => e.node);
    const byId = (a: { id?: string | null }, b: { id?: string | null }) =>
      (a.id ?? '') < (b.id ?? '') ? -1 : 1;
    // Filtering by kind must not change which deployments are reached, nor how.
    expect(
      exposedDeployments
        .map((row) => ({ id: row.node.id, level: row.level, distance: row.distance }))
        .sort(byId),
    ).toEqual([...fromApi].sort(byId));

    const { page, close } = await openPage(browser());
    try {
      await page.goto(webUrl(`/defects/${DEFECT}`));
      await page.getByTestId('deployments-table').waitFor();
      const shown = await page.locator('tr[data-deployment]').evaluateAll((rows) =>
        rows.map((row) => ({
          id: row.getAttribute('data-deployment'),
          level: row.children[1]!.textContent!.trim().toUpperCase(),
          // The triage column stands between level and distance.
          distance: Number(row.children[3]!.textContent),
        })),
      );
      expect(shown.sort(byId)).toEqual(fromApi.sort(byId));

      const target = exposedDeployments.find((row) => row.distance === 2) ?? exposedDeployments[0]!;
      await waitForGraph(page);
      await page.locator(`tr[data-deployment="${target.node.id}"]`).hover();
      const lit = await page.evaluate(() =>
        (window as any).__lineageCy.nodes('.highlighted').map((n: { id(): string }) => n.id()),
      );
      expect(lit.sort()).toEqual(target.path.map((p) => p.id).sort());
      await screenshot(page, 'defect-path-highlighted');
      // The view the README shows: exposure totals, the rings by hop, the highlighted path.
      await page.setViewportSize({ width: 1280, height: 960 });
      await page.evaluate(() => {
        document.getElementById('totals-title')?.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -70);
      });
      await screenshot(page, 'readme-defect', false);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const csv = await readFile((await download.path())!, 'utf8');
      const [header, ...lines] = csv.trim().split('\r\n');
      expect(header).toBe('provider,deployment,name,level,distance,path,triage');
      const exported = lines.map((line) => {
        const cells = line.split(',');
        return {
          id: cells[1],
          level: cells[cells.length - 4],
          distance: Number(cells[cells.length - 3]),
        };
      });
      expect(exported.sort(byId)).toEqual(fromApi.sort(byId));
    } finally {
      await close();
    }
  });
});

describe('what-if', () => {
  it('computes a hypothetical defect live from the picked node', async () => {
    const origin = 'model:openai/gpt-3.5-turbo';
    const expected = await api<{ whatIf: { totals: { deployments: number; exposed: number } } }>(
      `{ whatIf(nodeId: "${origin}", category: LICENSE, severity: MEDIUM) { totals { deployments exposed } } }`,
    );
    const { page, external, close } = await openPage(browser());
    try {
      await page.goto(webUrl('/what-if'), { waitUntil: 'networkidle' });
      await page.getByRole('combobox', { name: 'Found in' }).fill('GPT-3.5 Turbo');
      await page.getByRole('option').filter({ hasText: origin }).first().click();
      await page.getByLabel('Category').selectOption('LICENSE');
      await page.getByLabel('Severity').selectOption('MEDIUM');
      // Both totals together: one of them alone may already match the previous category's.
      const totals = async () =>
        `${await page.getByTestId('exposed-total').textContent()}/${await page.getByTestId('deployments-total').textContent()}`;
      await expect
        .poll(totals, { timeout: 15_000 })
        .toBe(`${expected.whatIf.totals.exposed}/${expected.whatIf.totals.deployments}`);
      expect(new URL(page.url()).searchParams.get('category')).toBe('LICENSE');
      await screenshot(page, 'what-if');
      expect(external).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('an explorer link that asks for too much', () => {
  it('expands at most 20 nodes and says what it left out', async () => {
    const expand = [
      ...Array.from({ length: 25 }, (_, i) => `model:nobody/m-${i}~DOWNSTREAM`),
      'not-an-id~UPSTREAM',
    ].join(',');
    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(
        webUrl(
          `/explore?focus=${encodeURIComponent(BASE)}&direction=DOWNSTREAM&depth=1&expand=${encodeURIComponent(expand)}`,
        ),
      );
      await waitForGraph(page, 2);
      const notice = await page.getByTestId('expansions-dropped').textContent();
      expect(notice).toContain('the first 20 are shown, 5 left out');
      expect(notice).toContain('1 malformed expansion(s) ignored');
      // The view itself is drawn (its children may be folded into groups on the real graph).
      expect(await visibleGraphNodes(page)).toContain(BASE);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
