import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { api, expectAccessible, openPage, screenshot, sharedBrowser, webUrl } from './browser';

const browser = sharedBrowser();

const PERPLEXITY = 'deployment:perplexity-ai/perplexity';
const META = 'provider:meta-llama';
const R1 = 'model:deepseek-ai/DeepSeek-R1';
const R1_1776 = 'model:perplexity-ai/r1-1776';

const href = (id: string) => id.split('/').map(encodeURIComponent).join('/');

async function withPage<T>(run: (page: Page) => Promise<T>, width = 1280, height = 800) {
  const { page, errors, close } = await openPage(browser(), width, height);
  try {
    const result = await run(page);
    expect(errors).toEqual([]);
    return result;
  } finally {
    await close();
  }
}

describe('statuses', () => {
  it('answers unknown node and defect ids with HTTP 404 and the not-found page', async () => {
    for (const route of ['/nodes/model%3Anobody/nothing', '/defects/defect%3ANOPE-0000']) {
      const response = await fetch(webUrl(route));
      expect(response.status, route).toBe(404);
      expect(await response.text()).toContain('Not in the graph');
    }
  });

  it('answers a malformed % escape with a 400 page of its own, never a bare error', async () => {
    const response = await fetch(webUrl('/nodes/%E0%A4%A'));
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('This address is malformed');
    expect(body).toContain('Lineage'); // the app's layout, with its navigation
  });

  it('sends /nodes/<a defect id> to the defect page with a 308', async () => {
    const response = await fetch(webUrl('/nodes/defect:FMD-2026-0008'), { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(new URL(response.headers.get('location')!, webUrl('/')).pathname).toBe(
      '/defects/defect:FMD-2026-0008',
    );
    await withPage(async (page) => {
      await page.goto(webUrl('/nodes/defect%3AFMD-2026-0008'));
      expect(new URL(page.url()).pathname).toMatch(/^\/defects\/defect(:|%3A)FMD-2026-0008$/);
      expect(await page.locator('h1').textContent()).not.toBe('');
    });
  });
});

const DEFECTS = `query ($filter: DefectFilter) {
  defects(filter: $filter, orderBy: NEWEST_FIRST, first: 50) {
    totalCount edges { node { id disclosedAt } }
  }
}`;
type DefectsAnswer = {
  defects: { totalCount: number; edges: { node: { id: string; disclosedAt: string | null } }[] };
};

const rowIds = (page: Page) =>
  page
    .locator('[data-testid="defects-table"] tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-defect')));

describe('the defects index', () => {
  it('lists defects newest first, as the API does, and filters from its form', async () => {
    await withPage(async (page) => {
      await page.goto(webUrl('/defects'), { waitUntil: 'networkidle' });
      const all = await api<DefectsAnswer>(DEFECTS);
      expect(await rowIds(page)).toEqual(all.defects.edges.map((e) => e.node.id));
      const dates = all.defects.edges.flatMap((e) =>
        e.node.disclosedAt ? [e.node.disclosedAt] : [],
      );
      expect(dates).toEqual([...dates].sort().reverse());
      await expectAccessible(page);
      await screenshot(page, 'pages-defects-1280x800', false);

      // Filter by severity and a disclosure range through the form, as a person does.
      const from = dates[dates.length - 1]!;
      await page.getByLabel('Severity').selectOption('HIGH');
      await page.getByLabel('Disclosed from').fill(from);
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/severity=HIGH/);
      const filtered = await api<DefectsAnswer>(DEFECTS, {
        filter: { severity: 'HIGH', disclosedFrom: from },
      });
      expect(await rowIds(page)).toEqual(filtered.defects.edges.map((e) => e.node.id));
      expect(Number(await page.getByTestId('defects-count').getAttribute('data-count'))).toBe(
        filtered.defects.totalCount,
      );
      expect(filtered.defects.totalCount).toBeLessThan(all.defects.totalCount);
    });
  });

  it('says so when nothing matches', async () => {
    await withPage(async (page) => {
      await page.goto(webUrl('/defects?q=zzzz-no-such-defect-zzzz'));
      await page.getByText('No defect matches these filters.').waitFor();
    });
  });
});

describe('provider pages', () => {
  it("lists Meta's models with their exact count, a page at a time", async () => {
    const { models } = await api<{
      models: { totalCount: number; edges: { node: { id: string } }[] };
    }>(
      `query ($id: ID!) { models(filter: { providerId: $id }, first: 25) {
      totalCount edges { node { id } } } }`,
      { id: META },
    );
    expect(models.totalCount).toBeGreaterThan(0);
    await withPage(async (page) => {
      await page.goto(webUrl(`/nodes/${href(META)}`), { waitUntil: 'networkidle' });
      const section = page.getByTestId('provider-models');
      expect(await section.locator('h2').textContent()).toContain(
        `(${models.totalCount.toLocaleString('en-US')})`,
      );
      const listed = await section
        .locator('li a')
        .evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!)));
      expect(listed).toEqual(models.edges.map((e) => `/nodes/${e.node.id}`));
      await expectAccessible(page);
      await screenshot(page, 'pages-provider-meta-1280x800', false);
      if (models.totalCount > 25) {
        await section.getByRole('link', { name: /^Next 25 models/ }).click();
        await page.waitForURL(/modelsAfter=/);
        expect(await page.getByTestId('provider-models').locator('li').count()).toBeGreaterThan(0);
      }
    });
  });
});

const LEVELS = ['CONFIRMED', 'CERTAIN', 'LIKELY', 'POSSIBLE'];
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** Each exposure row's order key as the page shows it. */
const exposureRows = (page: Page) =>
  page.locator('[data-testid="exposure-table"] > tbody > tr').evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-defect')!,
      level: row.getAttribute('data-level')!,
      severity: row.getAttribute('data-severity')!,
      stopped: row.getAttribute('data-stopped') === 'true',
    })),
  );

function expectStrongestFirst(rows: Awaited<ReturnType<typeof exposureRows>>) {
  const key = (row: (typeof rows)[number]) => [
    Number(row.stopped),
    LEVELS.indexOf(row.level),
    SEVERITIES.indexOf(row.severity),
  ];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
    const order = a.findIndex((value, j) => value !== b[j]);
    if (order !== -1)
      expect(a[order]! < b[order]!, `${rows[i - 1]!.id} before ${rows[i]!.id}`).toBe(true);
  }
}

describe("a node's page", () => {
  it('lists a defect stopped upstream by a mitigation, naming the mitigating node', async () => {
    await withPage(async (page) => {
      await page.goto(webUrl(`/nodes/${href(PERPLEXITY)}?defects=all`), {
        waitUntil: 'networkidle',
      });
      const row = page.locator('tr[data-defect="defect:FMD-2026-0008"]');
      expect(await row.getAttribute('data-stopped')).toBe('true');
      expect(await row.textContent()).toContain('Stopped upstream by');
      const by = await row
        .locator('p', { hasText: 'Stopped upstream by' })
        .getByRole('link', { name: /r1 1776/i })
        .getAttribute('href');
      expect(decodeURIComponent(by!)).toBe(`/nodes/${R1_1776}`);
      expectStrongestFirst(await exposureRows(page));
    });
  });

  it('counts children exactly by relation, each count linking to the full list', async () => {
    const id = 'model:meta-llama/Llama-2-7b-hf';
    const { node } = await api<{ node: { incoming: { totalCount: number } } }>(
      `query ($id: ID!) { node(id: $id) { incoming(types: [FINE_TUNED_FROM], first: 1) { totalCount } } }`,
      { id },
    );
    await withPage(async (page) => {
      await page.goto(webUrl(`/nodes/${href(id)}`), { waitUntil: 'networkidle' });
      const link = page.locator('[data-relation="FINE_TUNED_FROM"] a');
      expect(await link.textContent()).toMatch(
        new RegExp(`^${node.incoming.totalCount.toLocaleString('en-US')} fine-tunes?$`),
      );
      await link.click();
      await page.waitForURL(/children=FINE_TUNED_FROM/);
      const shown = await page
        .locator('section[aria-labelledby="downstream"] ul.children li')
        .count();
      expect(shown).toBeGreaterThan(0);
    });
  });

  describe.skipIf(!inject('realData'))('on the real graph', () => {
    it("shows Perplexity's bill of materials within two screens, with its defects sorted", async () => {
      await withPage(async (page) => {
        await page.goto(webUrl(`/nodes/${href(PERPLEXITY)}`), { waitUntil: 'networkidle' });
        const top = await page
          .getByTestId('bom-section')
          .evaluate((el) => el.getBoundingClientRect().top);
        expect(top).toBeLessThan(2 * 800);
        const rows = await exposureRows(page);
        expect(rows.length).toBeLessThanOrEqual(10);
        expectStrongestFirst(rows);
        const { exposure } = await api<{ exposure: unknown[] }>(
          `query ($id: ID!) { exposure(nodeId: $id, includeStopped: true) { level } }`,
          { id: PERPLEXITY },
        );
        await expectAccessible(page);
        await screenshot(page, 'pages-perplexity-1280x800', false);
        await screenshot(page, 'pages-perplexity-full-1280x800', true);
        if (exposure.length > 10) {
          const showAll = page.getByRole('link', { name: /^Show all/ });
          expect(await showAll.textContent()).toContain(`Show all ${exposure.length} defects`);
          await showAll.click();
          await page.waitForURL(/defects=all/);
          const all = await exposureRows(page);
          expect(all.length).toBe(exposure.length);
          expectStrongestFirst(all);
        }
      });
      await withPage(
        async (page) => {
          await page.goto(webUrl(`/nodes/${href(PERPLEXITY)}`), { waitUntil: 'networkidle' });
          const top = await page
            .getByTestId('bom-section')
            .evaluate((el) => el.getBoundingClientRect().top);
          expect(top).toBeLessThan(1080);
          await screenshot(page, 'pages-perplexity-1920x1080', false);
        },
        1920,
        1080,
      );
    });
  });
  if (!inject('realData'))
    console.warn('[e2e] real sources not loaded: the Perplexity page at full size is not checked');
});

const WHAT_IF = `query ($mitigate: [ID!]) {
  whatIf(nodeId: "${R1}", category: BIAS, severity: HIGH, assumeMitigations: $mitigate, first: 1) {
    totals { exposed }
  }
}`;

describe('what-if', () => {
  it('drops what lies only behind a node assumed mitigated, as the API does', async () => {
    const exposed = async (mitigate: string[]) =>
      (await api<{ whatIf: { totals: { exposed: number } } }>(WHAT_IF, { mitigate })).whatIf.totals
        .exposed;
    const [without, withMitigation] = [await exposed([]), await exposed([R1_1776])];
    expect(withMitigation).toBeLessThan(without);
    await withPage(async (page) => {
      const search = new URLSearchParams({ node: R1, category: 'BIAS', severity: 'HIGH' });
      await page.goto(webUrl(`/what-if?${search}`), { waitUntil: 'networkidle' });
      const total = page.getByTestId('exposed-total');
      await expect.poll(() => total.textContent()).toBe(String(without));
      const picker = page.getByTestId('assumed-mitigations').getByRole('combobox');
      await picker.fill('r1-1776');
      await page.getByRole('option').filter({ hasText: R1_1776 }).first().click();
      await expect.poll(() => total.textContent()).toBe(String(withMitigation));
      expect(page.url()).toContain(`assume=${encodeURIComponent(R1_1776)}`);
      expect(await page.getByTestId('whatif-status').textContent()).toContain('high');
      expect(await page.getByTestId('severity-note').textContent()).toContain(
        'does not change which nodes it reaches',
      );
      await expectAccessible(page);
      await screenshot(page, 'pages-what-if-1280x800', false);
    });
  });
});

describe('badges and the glossary', () => {
  it('gives severities and levels colours that never coincide, and explains each level', async () => {
    await withPage(async (page) => {
      const colours = (selector: string) =>
        page.locator(selector).evaluateAll((badges) =>
          badges.map((b) => {
            const style = getComputedStyle(b);
            return [style.backgroundColor, style.color, style.borderTopColor];
          }),
        );
      // Level badges appear in the impact legend and tables; the glossary shows the swatches.
      await page.goto(webUrl(`/nodes/${href(PERPLEXITY)}`), { waitUntil: 'networkidle' });
      const levels = (await colours('.level-badge')).map(([bg]) => bg);
      const severities = (await colours('.severity-badge')).flat();
      expect(levels.length).toBeGreaterThan(0);
      expect(severities.length).toBeGreaterThan(0);
      for (const level of levels) expect(severities).not.toContain(level);
      // Every level badge says what it means and links to its entry in the glossary.
      const badge = page.locator('a.level-badge').first();
      expect(await badge.getAttribute('title')).toMatch(/path|hop|origin/i);
      await badge.click();
      await page.waitForURL(/\/glossary#level-/);
      const anchor = new URL(page.url()).hash;
      expect(await page.locator(anchor).textContent()).toMatch(/[A-Z][a-z]+/);
      await expectAccessible(page);
      await screenshot(page, 'pages-glossary-1280x800', false);
    });
  });
});

describe('home', () => {
  it('shows recent defects with distinct titles, repeats folded into a "similar" note', async () => {
    await withPage(async (page) => {
      await page.goto(webUrl('/'), { waitUntil: 'networkidle' });
      const titles = await page
        .locator('.defect-list li > a:first-child')
        .evaluateAll((links) => links.map((a) => a.textContent!.toLowerCase().trim()));
      expect(titles.length).toBeGreaterThan(0);
      // Reports that differ only in a quoted probe name (AVID's Garak runs) count as one.
      const gist = titles.map((title) => title.replace(/`[^`]*`/g, '').replace(/\s+/g, ' '));
      expect(new Set(gist).size).toBe(titles.length);
      await screenshot(page, 'pages-home-1280x800', false);
    });
  });
});
