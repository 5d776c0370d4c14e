// The themed error pages: a page that throws shows app/error.tsx inside the site, a
// root layout that throws shows app/global-error.tsx — both dark, with "Try again", a
// way home and the digest of the server's log line, never Next's white page. The
// failures are made on purpose by server/e2e-crash.ts, which only works with
// E2E_CRASH_PAGES=on (playwright.config.ts): a server without it answers 404.
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { startWeb } from './web-server';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

async function expectThemedCrash(page: Page, testId: string, shot: string) {
  const screen = page.getByTestId(testId);
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('ERR');
  await expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(screen.getByRole('link', { name: 'Back to the street' })).toHaveAttribute(
    'href',
    '/',
  );
  // production hides the message; the digest names the server's log line
  await expect(page.getByTestId('error-digest')).toHaveText(/^Reference: \S+$/);
  await expect(screen).not.toContainText('fails on purpose');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(5, 6, 11)');
  const path = test.info().outputPath(`${shot}.png`);
  await page.screenshot({ path });
  await test.info().attach(shot, { path, contentType: 'image/png' });
}

for (const size of SIZES) {
  test(`a page that throws shows the themed error page (${size.name})`, async ({ page }) => {
    await page.setViewportSize(size);
    const res = await page.goto('/e2e-crash');
    expect(res?.status()).toBe(500);
    await expectThemedCrash(page, 'error-page', `error-page-${size.name}`);
    // the way home works
    await page.getByRole('link', { name: 'Back to the street' }).click();
    await expect(page.getByTestId('cta-signup')).toBeVisible();
  });

  test(`a root layout that throws shows the global error page (${size.name})`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.setExtraHTTPHeaders({ 'x-e2e-crash-layout': '1' });
    const res = await page.goto('/about');
    expect(res?.status()).toBe(500);
    await expectThemedCrash(page, 'global-error', `global-error-${size.name}`);
  });
}

test('without E2E_CRASH_PAGES the crash page is a 404 and the layout ignores the header', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const web = await startWeb({});
  try {
    const crash = await request.get(`${web.url}/e2e-crash`);
    expect(crash.status()).toBe(404);
    const about = await request.get(`${web.url}/about`, {
      headers: { 'x-e2e-crash-layout': '1' },
    });
    expect(about.status()).toBe(200);
  } finally {
    web.stop();
  }
});
