import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  api,
  expectAccessible,
  openPage,
  screenshot,
  sharedBrowser,
  waitForGraph,
  webUrl,
} from './browser';

const browser = sharedBrowser();
const BIG = 'defect:FMD-2026-0012';
const SMALL = 'defect:FMD-2026-0008';

if (!inject('realData'))
  console.warn(
    'big-impact: the real sources are not loaded, so FMD-2026-0012 is small; its tests are skipped (the export tests still run).',
  );

type Deployment = { node: { id: string }; path: { id: string }[] };

async function exposedDeployments(defect: string): Promise<{ total: number; rows: Deployment[] }> {
  const data = await api<{
    impact: { exposed: { totalCount: number; edges: { node: Deployment }[] } };
  }>(
    `query ($id: ID!) { impact(defectId: $id, kinds: [Deployment], first: 500) {
      exposed { totalCount edges { node { node { id } path { id } } } } } }`,
    { id: defect },
  );
  return {
    total: data.impact.exposed.totalCount,
    rows: data.impact.exposed.edges.map((e) => e.node),
  };
}

/** Where elements are drawn, in window coordinates, and the window's size. */
function drawnBox(page: Page, ids: string[] | undefined) {
  return page.evaluate((only) => {
    const cy = (window as any).__lineageCy;
    const elements = only
      ? cy.collection(only.map((id: string) => cy.getElementById(id)))
      : cy.elements(':visible');
    const box = elements.renderedBoundingBox({ includeLabels: false });
    const canvas = cy.container().getBoundingClientRect();
    return {
      left: canvas.left + box.x1,
      right: canvas.left + box.x2,
      top: canvas.top + box.y1,
      bottom: canvas.top + box.y2,
      canvas: { left: canvas.left, right: canvas.right, top: canvas.top, bottom: canvas.bottom },
      window: { width: window.innerWidth, height: window.innerHeight },
      zoom: cy.zoom(),
    };
  }, ids);
}

/** The texts of one column of the deployments table, found by its header. */
const cellTexts = (page: Page, header: string) =>
  page.locator('[data-testid="deployments-table"]').evaluate((table, name) => {
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    const i = headers.findIndex((text) => text.startsWith(name));
    if (i < 0) throw new Error(`no column ${name} in ${headers.join(', ')}`);
    return [...table.querySelectorAll('tr[data-deployment]')].map((row) =>
      row.children[i]!.textContent!.trim(),
    );
  }, header);

describe.skipIf(!inject('realData'))('a defect reaching thousands of nodes (FMD-2026-0012)', () => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    it(`draws every exposed deployment, keeps a hovered path in view and sorts visibly at ${width}x${height}`, async () => {
      const { total, rows } = await exposedDeployments(BIG);
      expect(total).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(0);
      const { page, errors, close } = await openPage(browser(), width, height);
      try {
        await page.goto(webUrl(`/defects/${BIG}`), { waitUntil: 'networkidle' });
        await waitForGraph(page, rows.length);
        const drawn: string[] = await page.evaluate(() =>
          (window as any).__lineageCy.nodes().map((n: { id(): string }) => n.id()),
        );
        expect(drawn).toEqual(expect.arrayContaining(rows.map((row) => row.node.id)));

        // On load the whole graph is fitted inside its canvas.
        await page.locator('.impact-split').evaluate((split) => split.scrollIntoView());
        const loaded = await drawnBox(page, undefined);
        expect(loaded.left).toBeGreaterThanOrEqual(loaded.canvas.left - 1);
        expect(loaded.right).toBeLessThanOrEqual(loaded.canvas.right + 1);
        await screenshot(page, `big-impact-load-${width}x${height}`, false);

        // Hover a deployment whose path has at least three nodes, DeepInfra's if it has one.
        const long = rows.filter((row) => row.path.length >= 3);
        const target = long.find((row) => row.node.id.includes('deepinfra')) ?? long[0] ?? rows[0]!;
        const path = target.path.map((step) => step.id);
        const row = page.locator(`tr[data-deployment="${target.node.id}"]`);
        await row.scrollIntoViewIfNeeded();
        await row.hover();
        await expect
          .poll(() =>
            page.evaluate(() =>
              (window as any).__lineageCy
                .nodes('.highlighted')
                .map((n: { id(): string }) => n.id())
                .sort(),
            ),
          )
          .toEqual([...path].sort());
        const lit = await drawnBox(page, path);
        expect(lit.top).toBeGreaterThanOrEqual(0);
        expect(lit.left).toBeGreaterThanOrEqual(0);
        expect(lit.bottom).toBeLessThanOrEqual(lit.window.height);
        expect(lit.right).toBeLessThanOrEqual(lit.window.width);
        // Inside the canvas too: not drawn under the page's other content.
        expect(lit.top).toBeGreaterThanOrEqual(lit.canvas.top - 1);
        expect(lit.bottom).toBeLessThanOrEqual(lit.canvas.bottom + 1);
        await screenshot(page, `big-impact-hover-${width}x${height}`, false);

        // Sorting reorders the rows as the header says.
        const before = await cellTexts(page, 'Deployment');
        await page.getByRole('button', { name: /^Operator/ }).click();
        const operators = await cellTexts(page, 'Operator');
        expect(operators).toEqual([...operators].sort((a, b) => a.localeCompare(b)));
        await page.getByRole('button', { name: /^Distance/ }).click();
        await page.getByRole('button', { name: /^Distance/ }).click();
        const distances = (await cellTexts(page, 'Distance')).map(Number);
        expect(distances).toEqual([...distances].sort((a, b) => b - a));
        const names = await cellTexts(page, 'Deployment');
        if (new Set(distances).size > 1 || new Set(operators).size > 1)
          expect(names).not.toEqual(before);

        // Fit brings the whole graph back after zooming and panning away.
        await page.evaluate(() => {
          const cy = (window as any).__lineageCy;
          cy.zoom(3);
          cy.pan({ x: -4000, y: -4000 });
        });
        await page.getByRole('button', { name: 'Fit' }).click();
        const fitted = await drawnBox(page, undefined);
        expect(fitted.left).toBeGreaterThanOrEqual(fitted.canvas.left - 1);
        expect(fitted.right).toBeLessThanOrEqual(fitted.canvas.right + 1);
        expect(fitted.top).toBeGreaterThanOrEqual(fitted.canvas.top - 1);
        expect(fitted.bottom).toBeLessThanOrEqual(fitted.canvas.bottom + 1);

        await expectAccessible(page);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('counts the whole impact, drills into a hop, and pages the complete list', async () => {
    const whole = await api<{
      impact: { totals: { exposed: number; byDistance: { distance: number; count: number }[] } };
    }>(
      `query ($id: ID!) { impact(defectId: $id) { totals { exposed byDistance { distance count } } } }`,
      {
        id: BIG,
      },
    );
    const { page, errors, close } = await openPage(browser(), 1920, 1080);
    try {
      await page.goto(webUrl(`/defects/${BIG}`), { waitUntil: 'networkidle' });
      await waitForGraph(page);
      const total = whole.impact.totals.exposed.toLocaleString('en-US');
      await expect
        .poll(() => page.getByTestId('exposed-range').textContent(), { timeout: 15_000 })
        .toBe(`1–100 of ${total}`);
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect
        .poll(() => page.getByTestId('exposed-range').textContent(), { timeout: 15_000 })
        .toBe(`101–200 of ${total}`);

      // Drill into the largest hop: the list pages that hop only, as the API counts it.
      const largest = [...whole.impact.totals.byDistance].sort((a, b) => b.count - a.count)[0]!;
      await page.locator(`[data-drill="distance:${largest.distance}"]`).click();
      await expect
        .poll(() => page.getByTestId('exposed-range').textContent(), { timeout: 15_000 })
        .toBe(`1–${Math.min(100, largest.count)} of ${largest.count.toLocaleString('en-US')}`);
      const distances = await page
        .locator('[data-testid="exposed-table"] tr[data-exposed]')
        .evaluateAll((rows) => rows.map((row) => Number(row.children[3]!.textContent)));
      expect(new Set(distances)).toEqual(new Set([largest.distance]));
      // The graph fades what lies outside the group.
      const faded = await page.evaluate(
        () => (window as any).__lineageCy.nodes('.faded').length as number,
      );
      expect(faded).toBeGreaterThan(0);
      await screenshot(page, 'big-impact-drill-1920x1080', false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the complete impact as CSV', () => {
  it('streams every exposed node, with its path and the rule of each hop', async () => {
    const defect = inject('realData') ? BIG : SMALL;
    const { impact } = await api<{ impact: { asOf: string; totals: { exposed: number } } }>(
      `query ($id: ID!) { impact(defectId: $id) { asOf totals { exposed } } }`,
      { id: defect },
    );
    const response = await fetch(webUrl(`/export/impact?defect=${encodeURIComponent(defect)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="impact-defect_FMD-2026-${defect.slice(-4)}-as-of-${impact.asOf}.csv"`,
    );
    const [header, ...lines] = (await response.text()).trim().split('\r\n');
    expect(header).toBe('id,name,kind,level,distance,reached_over,path,hop_rules');
    expect(lines).toHaveLength(impact.totals.exposed);
    expect(new Set(lines.map((line) => line.split(',')[0])).size).toBe(impact.totals.exposed);
  });

  it('answers 400 for a malformed id or filter and 404 for an unknown defect', async () => {
    const status = async (query: string) => (await fetch(webUrl(`/export/impact?${query}`))).status;
    expect(await status('')).toBe(400);
    expect(await status('defect=model%3Ameta-llama%2FLlama-3.1-8B')).toBe(400);
    expect(await status(`defect=${encodeURIComponent(SMALL)}&asOf=2024-02-30`)).toBe(400);
    expect(await status(`defect=${encodeURIComponent(SMALL)}&relation=LOVES`)).toBe(400);
    const unknown = await fetch(webUrl('/export/impact?defect=defect%3ANO-SUCH-DEFECT'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('defect:NO-SUCH-DEFECT');
  });
});
