import { describe, expect, it } from 'vitest';
import { api, expectAccessible, openPage, screenshot, sharedBrowser, webUrl } from './browser';
import { nodeHref } from '../src/lib/links';

const browser = sharedBrowser();

const CHATGPT = 'deployment:openai/chatgpt';
const GPT35 = 'model:openai/gpt-3.5-turbo';
const GPT4O_MINI = 'model:openai/gpt-4o-mini';
const GPT4O = 'model:openai/gpt-4o';

interface Period {
  type: string;
  validFrom: string | null;
  validTo: string | null;
  to: { id: string };
}
interface Parents {
  node: { name: string; parents: Period[] };
}
const PARENTS = `query ($id: ID!) { node(id: $id) { name ... on LineageNode {
  parents { type validFrom validTo to { id } } } } }`;

interface Deployments {
  deployments: { edges: { node: { id: string; parents: Period[] } }[] };
}
const DEPLOYMENTS = `{ deployments(first: 100) { edges { node { id
  parents { type validFrom validTo to { id } } } } } }`;

const period = (parents: Period[], type: string, to: string) =>
  parents.find((relation) => relation.type === type && relation.to.id === to)!;

describe('the model timeline on the node page', () => {
  it('shows what ChatGPT ran when: gpt-3.5-turbo ended on the day the API records, gpt-4o-mini current', async () => {
    const { parents } = (await api<Parents>(PARENTS, { id: CHATGPT })).node;
    const gpt35 = period(parents, 'DEPLOYS', GPT35);
    const mini = period(parents, 'DEPLOYS', GPT4O_MINI);
    expect(gpt35.validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(mini.validTo).toBeNull();

    const { page, external, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(CHATGPT)), { waitUntil: 'networkidle' });
      const timeline = page.getByRole('region', { name: /Model timeline/ });
      const rows = timeline.getByTestId('timeline-table').locator('tbody tr');
      // One row per model or platform it ran, none left out.
      const ran = parents.filter((relation) => ['DEPLOYS', 'BUILT_ON'].includes(relation.type));
      expect(await rows.count()).toBe(ran.length);

      const ended = rows.and(page.locator(`[data-model="${GPT35}"]`));
      expect(await ended.getAttribute('data-status')).toBe('ended');
      expect(await ended.textContent()).toContain(`ended ${gpt35.validTo}`);
      if (gpt35.validFrom) expect(await ended.textContent()).toContain(gpt35.validFrom);

      const current = rows.and(page.locator(`[data-model="${GPT4O_MINI}"]`));
      expect(await current.getAttribute('data-status')).toBe('current');
      expect(await current.textContent()).toMatch(/still runs.*current/);

      // The chart draws a bar per row, the current one running on to today.
      const chart = timeline.getByTestId('timeline-chart');
      expect(await chart.getAttribute('aria-hidden')).toBe('true');
      expect(await chart.locator('.timeline-bar').count()).toBe(ran.length);
      const currentBar = chart.locator(`[data-model="${GPT4O_MINI}"] .timeline-bar`);
      expect(await currentBar.getAttribute('class')).toMatch(/period-current.*open-end/);
      const endedBar = chart.locator(`[data-model="${GPT35}"] .timeline-bar`);
      expect(await endedBar.getAttribute('title')).toContain(`until ${gpt35.validTo}`);

      await expectAccessible(page);
      await screenshot(page, 'node-model-timeline');
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows which snapshot a family name pointed to when, and each snapshot's period", async () => {
    const { name, parents } = (await api<Parents>(PARENTS, { id: GPT4O })).node;
    const pointsTo = parents.filter((relation) => relation.type === 'POINTS_TO');
    expect(pointsTo.length).toBeGreaterThan(1);

    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(GPT4O)), { waitUntil: 'networkidle' });
      const section = page.getByRole('region', {
        name: `Snapshots: what the name ${name} pointed to, and when`,
      });
      const rows = section.getByTestId('timeline-table').locator('tbody tr');
      expect(await rows.count()).toBe(pointsTo.length);
      for (const relation of pointsTo) {
        const row = rows.and(page.locator(`[data-model="${relation.to.id}"]`));
        const text = await row.textContent();
        expect(text).toContain(relation.validFrom ?? 'not recorded');
        expect(text).toContain(relation.validTo ?? 'still runs');
      }
      // Exactly one snapshot is current (the periods neither overlap nor leave a gap today).
      expect(await rows.and(page.locator('[data-status="current"]')).count()).toBe(1);
      await expectAccessible(page);
      await screenshot(page, 'node-snapshot-timeline');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says an undated relationship is undated', async () => {
    const { deployments } = await api<Deployments>(DEPLOYMENTS);
    const withUndated = deployments.edges
      .map((edge) => edge.node)
      .find((node) =>
        node.parents.some(
          (relation) => relation.type === 'DEPLOYS' && !relation.validFrom && !relation.validTo,
        ),
      );
    // The seed keeps deployments whose model history no source dates.
    expect(withUndated).toBeDefined();
    const undated = withUndated!.parents.find(
      (relation) => relation.type === 'DEPLOYS' && !relation.validFrom && !relation.validTo,
    )!;

    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(withUndated!.id)), { waitUntil: 'networkidle' });
      const row = page
        .getByRole('region', { name: /Model timeline/ })
        .locator(`tbody tr[data-model="${undated.to.id}"]`);
      expect(await row.getAttribute('data-status')).toBe('undated');
      expect(await row.textContent()).toMatch(/undated.*no period recorded/);
      await expectAccessible(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
