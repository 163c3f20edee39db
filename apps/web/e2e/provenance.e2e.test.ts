import { describe, expect, it } from 'vitest';
import { api, expectAccessible, openPage, screenshot, sharedBrowser, webUrl } from './browser';
import { nodeHref } from '../src/lib/links';

const browser = sharedBrowser();

const GGUF = 'model:TheBloke/Llama-2-7B-Chat-GGUF';
const CHAT = 'model:meta-llama/Llama-2-7b-chat-hf';
const GEMINI_APP = 'deployment:google/gemini';
const DEFECT = 'defect:FMD-2026-0001';

interface Provenance {
  origin: string | null;
  record: string | null;
  matchedBy: string | null;
}
interface Stored {
  node: {
    provenance: Provenance | null;
    parents: { declared: boolean; provenance: Provenance | null; to: { id: string } }[];
  };
}

const STORED = `query ($id: ID!) { node(id: $id) { provenance { origin record matchedBy }
  ... on LineageNode { parents { declared provenance { origin record matchedBy } to { id } } } } }`;

describe('provenance on the node page', () => {
  it("shows a seeded model's record, and how each relationship and each hop of a defect's path was matched", async () => {
    const stored = (await api<Stored>(STORED, { id: GGUF })).node;
    expect(stored.provenance?.record).toMatch(/^seed models\.yaml:\d+$/);
    const parent = stored.parents.find((relation) => relation.to.id === CHAT)!;

    const { page, external, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(GGUF)), { waitUntil: 'networkidle' });
      const block = page.getByTestId('provenance');
      await expect.poll(() => block.textContent()).toContain('Where this comes from');
      expect(await block.textContent()).toContain('Curated seed');
      expect(await block.locator('code').textContent()).toBe(stored.provenance!.record);

      // The bill of materials: the quantization's parent, stated by the seed, with its record.
      const bomBadge = page
        .getByRole('region', { name: /Built on/ })
        .getByTestId('relation-badge')
        .first();
      expect(await bomBadge.textContent()).toBe(parent.declared ? 'stated' : 'inferred');
      expect(await bomBadge.getAttribute('title')).toContain(
        `Record: ${parent.provenance!.record}.`,
      );

      // A defect found in Llama 2 Chat reaches the GGUF: each hop says how it was matched.
      const path = page.getByRole('region', { name: 'Defects that reach it' }).locator('.hops');
      await expect.poll(() => path.count()).toBeGreaterThan(0);
      const firstPath = path.first();
      expect(await firstPath.textContent()).toMatch(/found in\s*stated.*quantized as\s*stated/);
      expect(await firstPath.getByTestId('relation-badge').count()).toBe(2);

      await expectAccessible(page);
      await screenshot(page, 'node-provenance');

      // One hop down from Llama 2 Chat, the GGUF is listed with how it was matched.
      await page.goto(webUrl(nodeHref(CHAT)), { waitUntil: 'networkidle' });
      const child = page
        .getByRole('region', { name: 'Downstream' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'Llama 2 7B Chat GGUF (TheBloke)' }) });
      expect(await child.textContent()).toMatch(/quantized as.*stated/);
      expect(await child.getByTestId('relation-badge').getAttribute('title')).toMatch(
        /Record: seed models\.yaml:\d+\./,
      );
      await expectAccessible(page);
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows on a defect's page how each origin was matched and, on request, each hop of a deployment's path", async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(DEFECT)), { waitUntil: 'networkidle' });
      const about = page.getByRole('region', { name: 'About' });
      expect(await about.getByTestId('relation-badge').count()).toBeGreaterThan(0);
      expect(await about.getByTestId('provenance').textContent()).toMatch(/seed defects\.yaml:\d+/);

      const row = page.getByTestId('deployments-table').locator('tr[data-deployment]').first();
      await row.getByRole('button', { name: 'How matched?' }).click();
      const hops = row.locator('.hops');
      await hops.waitFor();
      expect(await hops.textContent()).toMatch(/^found in/);
      // Every hop of the path names its relation with a badge: none was left unloaded.
      expect(await hops.getByTestId('relation-badge').count()).toBe(
        await hops.locator('li').count(),
      );
      await screenshot(page, 'defect-path-provenance');
      await expectAccessible(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('marks an inferred relationship as inferred, in words, and says it passes at most LIKELY', async () => {
    const { page, errors, close } = await openPage(browser());
    try {
      await page.goto(webUrl(nodeHref(GEMINI_APP)), { waitUntil: 'networkidle' });
      const inferred = page
        .getByRole('region', { name: /Built on/ })
        .getByTestId('relation-badge')
        .filter({ hasText: 'inferred' })
        .first();
      await inferred.waitFor();
      expect(await inferred.getAttribute('title')).toContain('at most as LIKELY');
      await screenshot(page, 'node-inferred-badge');
      await expectAccessible(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
