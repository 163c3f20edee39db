/**
 * The explorer benchmark's views of the real graph (the seed plus the four real sources): a
 * defect page exposing about 3,000 nodes, and the explorer on a hub. Measured through stable
 * hooks only (`window.__lineageCy`, `window.__lineageGraph`, the table's `tbody tr`), since
 * the pages change shape often.
 */
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';

export const IMPACT_DEFECT = 'defect:FMD-2026-0012';
export const HUB = 'model:meta-llama/Llama-3.1-8B';

export interface ViewSample {
  /** Nodes + edges in the canvas once ready. */
  elements: number;
  /** Milliseconds from navigation to the graph drawn. */
  firstRenderMs: number;
  /** Median milliseconds from the event (row hover, node tap) to the next painted frame. */
  interactionMs: number;
  frameP50: number;
  frameP95: number;
  drawMs: number;
}

type Win = { __lineageCy: Core; __lineageGraph?: Record<string, number>[] };

/** Waits for the canvas to hold nodes and answers the page's clock then (ms since navigation). */
async function graphReady(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as Win;
      const cy = w.__lineageCy;
      // A page that records its render timing says when it painted; the explorer always does.
      const timing = w.__lineageGraph?.find((entry) => entry.firstRender !== 0);
      if (timing?.paintedAt) return timing.paintedAt;
      const drawn = cy && cy.nodes().length > 0 && location.pathname !== '/explore';
      return drawn ? performance.now() : 0;
    },
    undefined,
    { timeout: 300_000, polling: 'raf' },
  );
  return Number(await handle.jsonValue());
}

/** Hovers table rows one after another; per row, ms from the mouse event to the frame painted
 * after the canvas's classes changed (the highlight). */
async function hoverLatencies(page: Page, rows: number): Promise<number[]> {
  const times: number[] = [];
  const count = await page.locator('tbody tr').count();
  for (let i = 0; i < Math.min(rows, count); i++) {
    const row = page.locator('tbody tr').nth(i);
    await row.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const w = window as unknown as Win & { __hover?: Promise<number> };
      w.__hover = new Promise((resolve) => {
        let started = 0;
        document.addEventListener('mouseover', () => (started ||= performance.now()), {
          capture: true,
          once: true,
        });
        w.__lineageCy.one('class', () =>
          requestAnimationFrame(() => resolve(performance.now() - started)),
        );
      });
    });
    await row.hover();
    const ms = await page.evaluate(() =>
      Promise.race([
        (window as unknown as { __hover: Promise<number> }).__hover,
        new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 5000)),
      ]),
    );
    if (!Number.isNaN(ms)) times.push(ms);
    await page.mouse.move(0, 0);
  }
  return times;
}

/** Taps plain nodes in view; per node, ms from the tap to the frame painted once selected. */
async function selectionLatencies(page: Page, taps: number): Promise<number[]> {
  return (await page.evaluate(`(async () => {
    const cy = window.__lineageCy;
    const view = cy.extent();
    const nodes = cy.nodes(':visible').filter((n) => {
      const p = n.position();
      return n.data('kind') !== 'Group' && !n.hasClass('focus') &&
        p.x >= view.x1 && p.x <= view.x2 && p.y >= view.y1 && p.y <= view.y2;
    }).slice(0, ${taps});
    const times = [];
    for (const node of nodes) {
      const started = performance.now();
      node.emit('tap');
      await new Promise((resolve) => {
        const check = () => (node.selected() && location.search.includes('selected=')
          ? requestAnimationFrame(resolve) : requestAnimationFrame(check));
        check();
      });
      times.push(performance.now() - started);
    }
    return times;
  })()`)) as number[];
}

/** Pans for two seconds, one step per frame: frame times and cytoscape's draw time. */
export const PAN_FOR_TWO_SECONDS = `new Promise((resolve) => {
  const cy = window.__lineageCy;
  const renderer = cy.renderer();
  renderer.redrawTotalTime = 0;
  renderer.redrawCount = 0;
  const deltas = [];
  let last = performance.now();
  const end = last + 2000;
  const step = (now) => {
    deltas.push(now - last);
    last = now;
    cy.panBy({ x: 4, y: 2 });
    if (now < end) requestAnimationFrame(step);
    else resolve({ frames: deltas.slice(1), drawMs: renderer.timeToRender() });
  };
  requestAnimationFrame(step);
})`;

export const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

async function sample(
  browser: Browser,
  url: string,
  interact: (page: Page) => Promise<number[]>,
): Promise<ViewSample> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const firstRenderMs = await graphReady(page);
    const elements = await page.evaluate(
      () => (window as unknown as Win).__lineageCy.elements().length,
    );
    const { frames, drawMs } = (await page.evaluate(PAN_FOR_TWO_SECONDS)) as {
      frames: number[];
      drawMs: number;
    };
    const interactions = await interact(page);
    return {
      elements,
      firstRenderMs,
      interactionMs: quantile(interactions, 0.5),
      frameP50: quantile(frames, 0.5),
      frameP95: quantile(frames, 0.95),
      drawMs,
    };
  } finally {
    await context.close();
  }
}

/** The defect page of a ~3,000-node impact: hover a table row -> the canvas highlights. */
export function measureImpact(browser: Browser, webUrl: string) {
  const url = `${webUrl}/defects/${encodeURIComponent(IMPACT_DEFECT)}`;
  return sample(browser, url, (page) => hoverLatencies(page, 6));
}

/** The explorer on a hub: tap a node -> selected and the URL updated. */
export function measureHub(browser: Browser, webUrl: string) {
  const url = `${webUrl}/explore?${new URLSearchParams({ focus: HUB })}`;
  return sample(browser, url, (page) => selectionLatencies(page, 6));
}
