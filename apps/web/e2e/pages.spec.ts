// Out-of-game pages: the themed 404 (with status 404 and a way back) and the
// about page that credits the icon artists, linked from the landing page footer.
import { expect, test } from './test';

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`a missing page shows the themed 404 (${size.name})`, async ({ page }, info) => {
    await page.setViewportSize(size);
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    const lost = page.getByTestId('not-found');
    await expect(lost).toBeVisible();
    await expect(lost.getByRole('heading', { level: 1 })).toHaveText('404');
    // the game's dark theme, not Next's white page
    const bg = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(bg).toBe('rgb(5, 6, 11)');
    const path = info.outputPath(`404-${size.name}.png`);
    await page.screenshot({ path });
    await info.attach(`404-${size.name}`, { path, contentType: 'image/png' });
    await page.getByTestId('not-found-home').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('cta-signup')).toBeVisible();
  });
}

test('the about page credits the Game Icons artists and is linked from the landing page', async ({
  page,
}, info) => {
  await page.goto('/');
  await page.getByTestId('footer-about').click();
  await expect(page).toHaveURL(/\/about$/);
  const credits = page.getByTestId('icon-credits');
  await expect(credits).toContainText('icons by Lorc, Delapouite and contributors');
  await expect(credits).toContainText('game-icons.net');
  await expect(credits).toContainText('CC BY 3.0');
  await expect(credits.getByRole('listitem').filter({ hasText: 'Delapouite' })).toHaveCount(1);
  await expect(credits.locator('svg[data-icon=katana] path')).toHaveCount(1);
  const path = info.outputPath('about.png');
  await page.screenshot({ path, fullPage: true });
  await info.attach('about', { path, contentType: 'image/png' });
});
