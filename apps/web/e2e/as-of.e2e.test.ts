import { describe, expect, it } from 'vitest';
import { api, expectAccessible, openPage, screenshot, sharedBrowser, webUrl } from './browser';
import { nodeHref } from '../src/lib/links';

const browser = sharedBrowser();

const CHATGPT = 'deployment:openai/chatgpt';
const GPT35 = 'model:openai/gpt-3.5-turbo';
const PAST = '2024-01-01';

interface Exposure {
  exposure: {
    defect: { id: string; disclosedAt: string | null };
    windows: { from: string | null; to: string | null }[];
  }[];
}
const EXPOSURE = `query ($id: ID!, $asOf: Date, $disclosedOnly: Boolean) {
  exposure(nodeId: $id, asOf: $asOf, disclosedOnly: $disclosedOnly) {
    defect { id ... on Defect { disclosedAt } } windows { from to } } }`;

interface Deployed {
  impact: { asOf: string; deploymentsByProvider: { deployments: { node: { id: string } }[] }[] };
}
const DEPLOYED = `query ($id: ID!, $asOf: Date, $disclosedOnly: Boolean) {
  impact(defectId: $id, asOf: $asOf, disclosedOnly: $disclosedOnly) {
    asOf deploymentsByProvider { deployments { node { id } } } } }`;

const deployedIds = async (id: string, asOf?: string, disclosedOnly = false) =>
  (await api<Deployed>(DEPLOYED, { id, asOf, disclosedOnly })).impact.deploymentsByProvider.flatMap(
    (group) => group.deployments.map((d) => d.node.id),
  );

/** gpt-3.5-turbo defects that reached ChatGPT on PAST and reach it no more. */
async function endedDefects() {
  const past = (await api<Exposure>(EXPOSURE, { id: CHATGPT, asOf: PAST })).exposure;
  const now = new Set(
    (await api<Exposure>(EXPOSURE, { id: CHATGPT })).exposure.map((row) => row.defect.id),
  );
  return past.filter((row) => !now.has(row.defect.id));
}

describe('as of a day', () => {
  it('lists ChatGPT under a gpt-3.5-turbo defect as of 2024-01-01, not today; the date control and the link agree', async () => {
    const [ended] = await endedDefects();
    expect(ended).toBeDefined();
    const defect = ended!.defect.id;
    expect(await deployedIds(defect, PAST)).toContain(CHATGPT);
    expect(await deployedIds(defect)).not.toContain(CHATGPT);
    const row = `tr[data-deployment="${CHATGPT}"]`;

    const { page, external, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(defect)), { waitUntil: 'networkidle' });
      const table = page.getByTestId('deployments-table');
      expect(await page.getByRole('heading', { name: 'Impact today' }).count()).toBe(1);
      expect(await table.locator(row).count()).toBe(0);

      // The date control writes the day into the URL: the page is then the past one.
      await page.getByLabel('As of').fill(PAST);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('asOf') === PAST),
        page.getByRole('button', { name: 'Show' }).click(),
      ]);
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('heading', { name: `Impact on ${PAST}` }).count()).toBe(1);
      expect(await table.locator(row).count()).toBe(1);
      // The path's hops are read from the lineage of that day: its DEPLOYS to gpt-3.5-turbo.
      await table.locator(row).getByRole('button', { name: 'How matched?' }).click();
      const hops = table.locator(`${row} .hops`);
      await hops.waitFor();
      expect(await hops.getByTestId('relation-badge').count()).toBe(
        await hops.locator('li').count(),
      );
      await expectAccessible(page);
      await screenshot(page, 'defect-as-of');

      // The link alone shows the same day to anyone.
      await page.goto(webUrl(`${nodeHref(defect)}?asOf=${PAST}`), { waitUntil: 'networkidle' });
      expect(await table.locator(row).count()).toBe(1);
      expect(await page.getByLabel('As of').inputValue()).toBe(PAST);
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('counts a defect only from its disclosure when "disclosed only" is ticked', async () => {
    const undisclosed = (await endedDefects()).find(
      (row) => row.defect.disclosedAt && row.defect.disclosedAt > PAST,
    );
    expect(undisclosed).toBeDefined();
    const defect = undisclosed!.defect.id;
    expect(await deployedIds(defect, PAST, true)).not.toContain(CHATGPT);

    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(`${nodeHref(defect)}?asOf=${PAST}`), { waitUntil: 'networkidle' });
      const table = page.getByTestId('deployments-table');
      expect(await table.locator(`tr[data-deployment="${CHATGPT}"]`).count()).toBe(1);
      await page.getByLabel('Disclosed only').check();
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('disclosedOnly') === '1'),
        page.getByRole('button', { name: 'Show' }).click(),
      ]);
      await page.waitForLoadState('networkidle');
      expect(new URL(page.url()).searchParams.get('asOf')).toBe(PAST);
      expect(await page.getByTestId('as-of-form').textContent()).toContain(
        `disclosed on ${undisclosed!.defect.disclosedAt}, after this day`,
      );
      expect(await page.locator(`tr[data-deployment="${CHATGPT}"]`).count()).toBe(0);
      await expectAccessible(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows on ChatGPT's page each defect's exposure windows, the one holding the day marked", async () => {
    const past = (await api<Exposure>(EXPOSURE, { id: CHATGPT, asOf: PAST })).exposure;
    expect(past.length).toBeGreaterThan(0);

    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(`${nodeHref(CHATGPT)}?asOf=${PAST}`), { waitUntil: 'networkidle' });
      const region = page.getByRole('region', { name: `Defects that reach it on ${PAST}` });
      for (const row of past) {
        const windows = region.locator(`tr[data-defect="${row.defect.id}"] .windows li`);
        const holding = windows.and(page.locator('[data-holds="true"]'));
        expect(await holding.count()).toBe(1);
        expect(await holding.textContent()).toContain(`holds on ${PAST}`);
        const window = row.windows.find(
          (w) => (!w.from || w.from <= PAST) && (!w.to || PAST < w.to),
        )!;
        if (window.from) expect(await holding.textContent()).toContain(window.from);
      }
      // The timeline reads its status on that day: gpt-3.5-turbo was what it ran.
      const timeline = page.getByRole('region', { name: /Model timeline/ });
      expect(
        await timeline.locator(`tbody tr[data-model="${GPT35}"]`).getAttribute('data-status'),
      ).toBe('current');
      // The bill of materials is the lineage of that day, each dated link with its period.
      const bom = page.getByRole('region', { name: /Built on/ });
      expect(await bom.textContent()).toMatch(
        /deploys\s*GPT-3\.5 Turbo.*\(from \d{4}-\d{2}-\d{2}, until \d{4}-\d{2}-\d{2}\)/,
      );
      await expectAccessible(page);
      await screenshot(page, 'node-as-of');

      // Today, no gpt-3.5-turbo defect reaches ChatGPT.
      await page.goto(webUrl(nodeHref(CHATGPT)), { waitUntil: 'networkidle' });
      const today = page.getByRole('region', { name: 'Defects that reach it today' });
      for (const row of await endedDefects())
        expect(await today.locator(`tr[data-defect="${row.defect.id}"]`).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('computes a what-if as of the day in its URL, and follows the date control', async () => {
    const hypothesis = `nodeId: "${GPT35}", category: JAILBREAK, severity: HIGH`;
    const whatIf = async (asOf?: string) =>
      (
        await api<{ whatIf: { totals: { deployments: number } } }>(
          `query ($asOf: Date) { whatIf(${hypothesis}, asOf: $asOf) { totals { deployments } } }`,
          { asOf },
        )
      ).whatIf.totals.deployments;
    const [past, now] = [await whatIf(PAST), await whatIf()];
    expect(past).not.toBe(now);

    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(
        webUrl(
          `/what-if?node=${encodeURIComponent(GPT35)}&category=JAILBREAK&severity=HIGH&asOf=${PAST}`,
        ),
        { waitUntil: 'networkidle' },
      );
      const total = () => page.getByTestId('deployments-total').textContent();
      await expect.poll(total, { timeout: 15_000 }).toBe(String(past));
      expect(await page.locator(`tr[data-deployment="${CHATGPT}"]`).count()).toBe(1);
      expect(await page.getByTestId('whatif-status').textContent()).toContain(`on ${PAST}`);
      await expectAccessible(page);

      // Back to today: the URL no longer pins a day.
      const today = new Date().toISOString().slice(0, 10);
      await page.getByLabel('As of').fill(today);
      await expect.poll(total, { timeout: 15_000 }).toBe(String(now));
      expect(new URL(page.url()).searchParams.has('asOf')).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says a date in the link that is not a calendar date is not used, and shows today', async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(`${nodeHref(CHATGPT)}?asOf=2024-02-30`), { waitUntil: 'networkidle' });
      expect(await page.getByTestId('as-of-form').getByRole('alert').textContent()).toContain(
        'asOf=2024-02-30',
      );
      expect(await page.getByRole('region', { name: 'Defects that reach it today' }).count()).toBe(
        1,
      );
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
