// The Content-Security-Policy holds in a real browser, pages work under it, and odd return URLs give a page.
import { test, expect, COURSES, openCourse } from './fixtures';
import type { Page } from '@playwright/test';

/** Records CSP violations the page reports (the browser fires `securitypolicyviolation` on the document). */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test('pages carry a nonce CSP, Permissions-Policy and COOP', async ({ page }) => {
  const res = await page.goto('/signin');
  const headers = res!.headers();
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+';/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  // Next.js's own scripts carry this request's nonce, and a reload gets a new one.
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  const scriptNonces = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => s.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(scriptNonces.every((n) => n === nonce)).toBe(true);
  const again = (await page.reload())!.headers()['content-security-policy'];
  expect(again).not.toBe(policy);
});

test('a script injected into the page is blocked and reported', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __injected?: string[] };
    w.__injected = [];
    // An inline script element, inline markup with a script and a handler, and another site's script file.
    const inline = document.createElement('script');
    inline.textContent = 'window.__injected.push("inline")';
    document.body.appendChild(inline);
    document.body.appendChild(document.createRange().createContextualFragment('<script>window.__injected.push("fragment")</script><img src="x:" onerror="window.__injected.push(\'onerror\')">'));
    const external = document.createElement('script');
    external.src = 'https://evil.example/steal.js';
    document.body.appendChild(external);
    await new Promise((r) => setTimeout(r, 500));
    return w.__injected;
  });
  expect(ran).toEqual([]);
  await expect
    .poll(violations)
    .toEqual(expect.arrayContaining([
      expect.stringMatching(/^script-src-elem inline/),
      expect.stringMatching(/^script-src-attr inline/),
      expect.stringMatching(/^script-src-elem https:\/\/evil\.example/),
    ]));
});

test('the app works under the CSP: sign in, a lesson, review and settings, with no violations', async ({ page, login }) => {
  const violations = await recordViolations(page);
  await login('learner');
  await openCourse(page, COURSES.demo);
  await page.getByRole('link', { name: /^Start the course: / }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('a callbackUrl with non-Latin characters gives a page while signed in, never a 500', async ({ page, login }) => {
  await login('instructor');
  for (const raw of ['/日本', '/courses/é?q=ü', '//evil.example', '/%E6%97%A5', '/\u202Ehome']) {
    const res = await page.goto(`/signin?callbackUrl=${encodeURIComponent(raw)}`);
    expect(res!.status(), raw).toBeLessThan(500);
    expect(new URL(page.url()).host, raw).toMatch(/^localhost:/);
  }
});

test("the review endpoint refuses a cross-site post even with the learner's cookie, and a signed-out one", async ({ page, login, baseURL }) => {
  await login('learner');
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // page.request carries this browser's cookies; only the Origin differs from what the review screen sends.
  const grade = { cardId: 'any-card', rating: 3, clientId: 'cross-site-0001', version: 0, durationMs: 1 };
  const foreign = await page.request.post('/api/review/grade', { data: grade, headers: { origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  const form = await page.request.post('/api/review/grade', { form: { cardId: 'x' }, headers: { origin: baseURL! } });
  expect(form.status()).toBe(415);
  const same = await page.request.post('/api/review/refresh', { data: {}, headers: { origin: baseURL! } });
  expect(same.status()).toBe(200);
  expect((await same.json()).ok).toBe(true);
  await page.context().clearCookies();
  const signedOut = await page.request.post('/api/review/refresh', { data: {}, headers: { origin: baseURL! } });
  expect(signedOut.status()).toBe(401);
});
