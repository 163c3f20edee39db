import { describe, expect, it } from 'vitest';
import { openPage, sharedBrowser, waitForGraph, webUrl } from './browser';

const browser = sharedBrowser();

const ROUTES = [
  '/',
  '/explore?focus=model%3Adeepseek-ai%2FDeepSeek-R1&depth=2',
  '/nodes/model%3Ameta-llama%2FLlama-2-7b-hf',
  '/defects/defect%3AFMD-2026-0008',
  '/what-if?node=model%3Ameta-llama%2FLlama-3.1-8B&category=JAILBREAK&severity=HIGH',
];

/** The policy's directives by name: `script-src 'self' 'nonce-x'` -> { 'script-src': [...] }. */
function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) parsed.set(name.toLowerCase(), values);
  }
  return parsed;
}

describe('security headers', () => {
  it.each(ROUTES)(
    '%s forbids framing, sniffing and anything not from the web app itself',
    async (route) => {
      const response = await fetch(webUrl(route));
      expect(response.status).toBe(200);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      const policy = directives(response.headers.get('content-security-policy') ?? '');
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);
      expect(policy.get('form-action')).toEqual(["'self'"]);
      // Scripts run only from the web app or with this response's nonce: no inline script injected
      // into a page can run, and nothing is loaded from another host.
      const scripts = policy.get('script-src') ?? [];
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts.some((value) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(value))).toBe(true);
      for (const values of policy.values())
        for (const value of values) expect(value).not.toMatch(/^(https?:|wss?:|\*)/);
    },
  );

  it('gives every response a new nonce, and uses it on the inline scripts', async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => {
        const response = await fetch(webUrl('/'));
        const policy = response.headers.get('content-security-policy') ?? '';
        const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
        const html = await response.text();
        expect(nonce).toBeDefined();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
        return nonce;
      }),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe('pages under the policy', () => {
  it.each(ROUTES)('%s renders and hydrates in Chromium with no policy violation', async (route) => {
    const { page, errors, close } = await openPage(browser());
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(
          `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
        ),
      );
    });
    try {
      await page.goto(webUrl(route), { waitUntil: 'networkidle' });
      // A graph that never draws is reported after the violations, which usually say why.
      const drawn =
        route === '/' || route.startsWith('/nodes/')
          ? undefined
          : await waitForGraph(page).then(
              () => undefined,
              (error: Error) => error.message,
            );
      // Hydrated: React has attached to the search box, so typing brings suggestions.
      if (route === '/') {
        await page.getByRole('combobox').fill('Llama');
        await page.getByRole('option').first().waitFor();
      }
      const violations = await page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      );
      expect(violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(errors).toEqual([]);
      expect(drawn).toBeUndefined();
    } finally {
      await close();
    }
  });
});
