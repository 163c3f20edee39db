import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  api,
  expectAccessible,
  openPage,
  screenshot,
  screenshotDir,
  sharedBrowser,
  webUrl,
} from './browser';
import { nodeHref } from '../src/lib/links';

const browser = sharedBrowser();

const R1_8B = 'model:deepseek-ai/DeepSeek-R1-Distill-Llama-8B';
const R1_70B = 'model:deepseek-ai/DeepSeek-R1-Distill-Llama-70B';
const LORA = 'model:DavidAU/LORA-DeepSeek-R1-Distill-Llama-8B-rank-128-INSTRUCT-adapter';
const LLAMA_31_8B = 'model:meta-llama/Llama-3.1-8B';
const NIM = 'deployment:nvidia/nim';
/** The seed's licence problems: the node, and the licence it inherits and drops. */
const SEEDED = [
  [R1_8B, 'llama3.1'],
  [R1_70B, 'llama3.3'],
  [LORA, 'llama3.1'],
] as const;

interface Counts {
  all: { count: number; checked: number; conflicts: number; drops: number };
}
const COUNTS = `{ all: licenceCheck(first: 1) { count checked conflicts drops } }`;

const licenceSection = (page: Page) => page.getByRole('region', { name: 'Licence', exact: true });
const shoot = (locator: Locator, name: string) =>
  locator.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
const onNodePage = (page: Page, id: string) =>
  page.waitForURL((url) => decodeURIComponent(url.pathname) === `/nodes/${id}`);

describe('licences on the node page', () => {
  it("shows a distill's declared MIT, the Llama 3.1 terms it inherits and what it drops, then leads to the ancestor", async () => {
    const { page, errors, external, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(R1_8B)), { waitUntil: 'networkidle' });
      const section = licenceSection(page);
      await section.waitFor();
      expect(await page.getByTestId('node-summary').textContent()).toContain('Licence · 1 problem');

      const declared = section.getByTestId('licence-declared');
      expect(await declared.getByRole('link', { name: 'MIT License' }).getAttribute('href')).toBe(
        'https://spdx.org/licenses/MIT.html',
      );
      expect(await declared.locator('code').textContent()).toBe('MIT');
      // The text says more than "MIT": it is shown as recorded.
      expect(await declared.textContent()).toContain('subject to the Llama 3.1 Community License');

      const inherited = section
        .getByTestId('licence-inherited')
        .locator('tr[data-licence="llama3.1"]');
      const llamaLicence = inherited.getByRole('link', { name: 'Llama 3.1 Community License' });
      expect(await llamaLicence.getAttribute('href')).toMatch(
        /^https:\/\/github\.com\/meta-llama\//,
      );
      expect(await inherited.textContent()).toContain('700,000,000 monthly active users');

      const problems = section.getByTestId('licence-problem');
      expect(await problems.count()).toBe(1);
      const problem = problems.first();
      expect(await problem.getAttribute('data-kind')).toBe('DROPS');
      expect(await problem.locator('.problem-badge').textContent()).toBe('Drops');
      expect(await problem.textContent()).toMatch(/It declares the MIT License, which drops/);
      expect(await problem.locator('[data-obligation="acceptableUse"]').textContent()).toContain(
        'Acceptable-use policy',
      );
      expect(await problem.getByTestId('licence-acknowledged').textContent()).toContain(
        'Its licence text names the Llama 3.1 Community License',
      );
      const pathLinks = problem.getByRole('list', { name: 'Path' }).getByRole('link');
      expect(await pathLinks.allTextContents()).toEqual(['Llama 3.1 8B']);

      await screenshot(page, 'licences-node-r1-8b');
      await shoot(section, 'licences-node-r1-8b-section');
      await expectAccessible(page);

      // The ancestor the terms come from: its page declares them.
      await inherited.locator('td').nth(1).getByRole('link', { name: 'Llama 3.1 8B' }).click();
      await onNodePage(page, LLAMA_31_8B);
      const base = licenceSection(page);
      await base.waitFor();
      expect(await base.getByTestId('licence-declared').textContent()).toContain(
        'Llama 3.1 Community License Agreement',
      );
      expect(await base.getByTestId('licence-problem').count()).toBe(0);
      await shoot(base, 'licences-node-llama-3.1-8b-section');
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows an adapter's own problem and its base's upstream, and a deployment's inherited terms only", async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(LORA)), { waitUntil: 'networkidle' });
      const section = licenceSection(page);
      await section.waitFor();
      const problem = section.getByTestId('licence-problem');
      expect(await problem.getAttribute('data-kind')).toBe('DROPS');
      expect(
        await problem.getByRole('list', { name: 'Path' }).getByRole('link').allTextContents(),
      ).toEqual(['Llama 3.1 8B', 'DeepSeek-R1-Distill-Llama-8B']);
      const upstream = section.getByTestId('upstream-licence-problems');
      expect(await upstream.locator('summary').textContent()).toBe('1 licence problem upstream');
      await upstream.locator('summary').click();
      await upstream.getByRole('link', { name: 'DeepSeek-R1-Distill-Llama-8B' }).waitFor();
      await shoot(section, 'licences-node-lora-section');
      await expectAccessible(page);

      await page.goto(webUrl(nodeHref(NIM)), { waitUntil: 'networkidle' });
      const deployed = licenceSection(page);
      await deployed.waitFor();
      expect(await deployed.getByTestId('licence-declared').count()).toBe(0);
      expect(await deployed.getByTestId('licence-problem').count()).toBe(0);
      expect(
        await deployed.getByTestId('licence-inherited').locator('tr[data-licence]').count(),
      ).toBeGreaterThan(0);
      await shoot(deployed, 'licences-node-nim-section');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the licences page', () => {
  it('lists the whole graph check, filters it by kind and says when a kind has none', async () => {
    const counts = await api<Counts>(COUNTS);
    expect(counts.all.count).toBe(counts.all.conflicts + counts.all.drops);
    const { page, errors, external, close } = await openPage(browser());
    try {
      await page.goto(webUrl('/'), { waitUntil: 'networkidle' });
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Licences' })
        .click();
      await page.waitForURL((url) => url.pathname === '/licences');
      const heading = page.getByTestId('licence-counts');
      expect(Number(await heading.getAttribute('data-count'))).toBe(counts.all.count);
      const plural = (n: number, word: string) =>
        `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
      expect(await heading.textContent()).toContain(
        `${plural(counts.all.count, 'problem')} among ${plural(counts.all.checked, 'node')} checked: ${plural(counts.all.conflicts, 'conflict')}, ${plural(counts.all.drops, 'drop')}`,
      );
      const table = page.getByTestId('licence-problems');
      for (const [node, licence] of SEEDED) {
        const row = table.locator(`tr[data-node="${node}"][data-inherited="${licence}"]`);
        expect(await row.getAttribute('data-kind'), node).toBe('DROPS');
      }
      const seededRow = table.locator(`tr[data-node="${LORA}"]`);
      expect(await seededRow.getByRole('link').allTextContents()).toEqual(
        expect.arrayContaining([
          'Apache License 2.0',
          'Llama 3.1 Community License Agreement',
          'Llama 3.1 8B',
        ]),
      );
      await screenshot(page, 'licences-page-all');
      await expectAccessible(page);

      const filters = page.getByRole('navigation', { name: 'Filter by kind of problem' });
      await filters.getByRole('link', { name: /^Conflicts/ }).click();
      await page.waitForURL((url) => url.search === '?kind=conflicts');
      if (counts.all.conflicts === 0) {
        expect(await page.getByTestId('licence-empty').textContent()).toContain('No conflicts');
        expect(await page.getByTestId('licence-problems').count()).toBe(0);
      } else {
        const kinds = await page
          .locator('[data-testid=licence-problems] tbody tr')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')));
        expect(new Set(kinds)).toEqual(new Set(['CONFLICTS']));
        expect(kinds.length).toBe(Math.min(counts.all.conflicts, 500));
      }
      expect(
        await filters.getByRole('link', { name: /^Conflicts/ }).getAttribute('aria-current'),
      ).toBe('page');
      await screenshot(page, 'licences-page-conflicts');
      await expectAccessible(page);

      await filters.getByRole('link', { name: /^Drops/ }).click();
      await page.waitForURL((url) => url.search === '?kind=drops');
      const rows = page.locator('[data-testid=licence-problems] tbody tr');
      const dropKinds = await rows.evaluateAll((all) =>
        all.map((row) => row.getAttribute('data-kind')),
      );
      expect(new Set(dropKinds)).toEqual(new Set(['DROPS']));
      expect(dropKinds.length).toBe(Math.min(counts.all.drops, 500));
      for (const [node] of SEEDED)
        expect(await page.locator(`tr[data-node="${node}"]`).count(), node).toBe(1);
      await screenshot(page, 'licences-page-drops', false);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await close();
    }
  });

  it('offers the listed problems as CSV', async () => {
    const response = await fetch(webUrl('/export/licences?kind=drops'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe(
      'kind,node_id,node_name,licence_text,declared,inherited,inherited_source,from,level,dropped,acknowledged,reason,path',
    );
    expect(csv).toContain(`DROPS,${R1_8B},`);
    expect(csv).toContain(`${LLAMA_31_8B} > ${R1_8B} > ${LORA}`);
    expect((await fetch(webUrl('/export/licences?kind=nonsense'))).status).toBe(400);
  });
});
