import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, screenshot, sharedBrowser, waitForGraph, webUrl } from './browser';
import { graphIds, inViewport, labelCheck, pngSize, type LabelCheck } from './graph-probes';

/** A hub of the real Hugging Face tree: thousands of derivatives. */
const HUB = 'model:meta-llama/Llama-3.1-8B';
const realData = inject('realData');
if (!realData)
  console.warn(
    'hub-explorer: skipped, the real sources are not loaded (the seed has no hub of this size)',
  );

const browser = sharedBrowser();
const start = webUrl(`/explore?focus=${encodeURIComponent(HUB)}`);

const params = (page: Page) => new URL(page.url()).searchParams;

describe.skipIf(!realData)('the explorer on a hub (Llama 3.1 8B, real data)', () => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    it(`reads at ${width}x${height}, keeps its state, and answers the keyboard`, async () => {
      const { page, errors, close } = await openPage(browser(), width, height);
      try {
        await page.goto(start);
        await waitForGraph(page, 5);
        await page.evaluate(() => document.querySelector('.graph-view')?.scrollIntoView());
        await screenshot(page, `hub-explorer-${width}`, false);

        // Default view: legible, non-overlapping labels (checked from cytoscape's boxes),
        // and enough of them that the check means something.
        const initial: LabelCheck = await labelCheck(page);
        expect(initial.labelled).toBeGreaterThanOrEqual(8);
        expect(initial.overlaps).toEqual([]);
        expect(initial.smallestLabelPx).toBeGreaterThanOrEqual(10);
        expect(initial.focusInView).toBe(true);
        // The check can fail: two labels moved onto each other are reported.
        expect(initial.overlapsWhenStacked).toBeGreaterThan(0);

        // Selecting a node changes the selection only: same zoom, pan and element objects.
        const target = initial.pickable!;
        const before = await page.evaluate((id) => {
          const cy = (window as any).__lineageCy;
          cy.getElementById(id).scratch('_probe', 'kept');
          return { zoom: cy.zoom(), pan: cy.pan(), nodes: cy.nodes().length };
        }, target.id);
        await page.mouse.click(target.x, target.y);
        await page.waitForURL((url) => url.searchParams.get('selected') === target.id);
        await expect
          .poll(() =>
            page.evaluate(
              (id) => (window as any).__lineageCy.getElementById(id).selected(),
              target.id,
            ),
          )
          .toBe(true);
        const after = await page.evaluate((id) => {
          const cy = (window as any).__lineageCy;
          return {
            zoom: cy.zoom(),
            pan: cy.pan(),
            nodes: cy.nodes().length,
            probe: cy.getElementById(id).scratch('_probe'),
          };
        }, target.id);
        expect(after).toEqual({ ...before, probe: 'kept' });
        const selectedUrl = page.url();
        const selectedGraph = await graphIds(page);

        // Opening a big group shows its first page of members inside the viewport.
        const group = initial.group!;
        expect(group, 'a collapsed group of derivatives in view').toBeDefined();
        await page.evaluate(
          (id) => (window as any).__lineageCy.getElementById(id).emit('tap'),
          group.id,
        );
        await page.waitForURL((url) => (url.searchParams.get('open') ?? '').includes(group.id));
        await expect
          .poll(async () => (await graphIds(page)).length)
          .toBeGreaterThan(selectedGraph.length);
        const added = (await graphIds(page)).filter((id) => !selectedGraph.includes(id));
        expect(added.length).toBeGreaterThanOrEqual(10);
        expect(await inViewport(page, added)).toEqual(added);
        expect(
          await page.evaluate(
            (id) => (window as any).__lineageCy.getElementById(id).data('label'),
            group.id,
          ),
        ).toMatch(/^\d+ more /);
        const opened = await labelCheck(page);
        expect(opened.overlaps).toEqual([]);
        await screenshot(page, `hub-explorer-${width}-group-opened`, false);

        // Back returns to the previous explorer state: URL and graph.
        await page.goBack();
        await expect.poll(() => page.url()).toBe(selectedUrl);
        await expect
          .poll(async () => (await graphIds(page)).sort())
          .toEqual([...selectedGraph].sort());
        await page.goBack();
        await expect.poll(() => params(page).get('selected')).toBeNull();
        await expect
          .poll(() => page.evaluate(() => (window as any).__lineageCy.$(':selected').length))
          .toBe(0);

        // PNG exports are bounded: the view at twice its size, the whole graph at 4096 px.
        for (const [name, limit] of [
          ['Export PNG (view)', 2 * Math.max(width, height)],
          ['Export PNG (whole graph)', 4096],
        ] as const) {
          const download = page.waitForEvent('download');
          await page.getByRole('button', { name, exact: true }).click();
          const size = pngSize(await (await download).path());
          expect(Math.max((await size).width, (await size).height)).toBeLessThanOrEqual(limit);
          expect(Math.min((await size).width, (await size).height)).toBeGreaterThan(100);
        }

        // Find in graph: centres a match that is out of view (the view is first panned away).
        const far = initial.lastNode!;
        await page.evaluate(() => (window as any).__lineageCy.panBy({ x: 0, y: -20_000 }));
        expect(await inViewport(page, [far.id])).toEqual([]);
        const find = page.getByRole('searchbox');
        await find.fill(far.label);
        await find.press('Enter');
        await expect
          .poll(() =>
            page.evaluate(() => {
              const cy = (window as any).__lineageCy;
              const centre = { x: cy.width() / 2, y: cy.height() / 2 };
              const hit = cy.nodes('.match').filter((n: any) => {
                const p = n.renderedPosition();
                return Math.abs(p.x - centre.x) < 2 && Math.abs(p.y - centre.y) < 2;
              });
              return hit.map((n: any) => n.data('label'));
            }),
          )
          .toContainEqual(expect.stringContaining(far.label));
        await screenshot(page, `hub-explorer-${width}-found`, false);

        // Keyboard: the node list moves with arrow keys and selects with Enter.
        const list = page.getByRole('listbox');
        await list.focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        const active = await list.getAttribute('aria-activedescendant');
        const id = await page.locator(`#${active}`).getAttribute('data-id');
        expect(
          await page.evaluate(
            (nodeId) => (window as any).__lineageCy.getElementById(nodeId).hasClass('cursor'),
            id,
          ),
        ).toBe(true);
        await page.keyboard.press('Enter');
        if (!id!.startsWith('group:')) {
          await page.waitForURL((url) => url.searchParams.get('selected') === id);
          await expect
            .poll(() =>
              page.evaluate(
                (nodeId) => (window as any).__lineageCy.getElementById(nodeId).selected(),
                id,
              ),
            )
            .toBe(true);
        }
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
