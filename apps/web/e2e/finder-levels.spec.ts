// Level ranges in the group finder (issue 25): a new level-1 player opens the finder
// (K): it opens on a queue open to them (the arena, in the 1–9 bracket); the
// Arasaka Data Vault shows its range, locked, and picking it says why — the words the
// sim refuses with — and Join stays disabled. A level-20 player sees the vault open and
// queues for it. On a phone (touch) the same, portrait and landscape. Screenshots of each.
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './test';
import { cityPlayer } from './queue-helpers';

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

const option = (page: Page, queue: string) =>
  page.locator(`[data-testid=queue-window] [data-testid=queue-option][data-queue=${queue}]`);

test('a level-1 sees the vault’s range and cannot queue for it; a level-20 can', async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const [ca, cb] = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [pa, pb] = await Promise.all([ca.newPage(), cb.newPage()]);
    await pa.setViewportSize({ width: 1400, height: 900 });
    await cityPlayer(pa, 'Lv', 'solo');
    await pa.getByTestId('game-canvas').focus();
    await pa.keyboard.press('k');
    const win = pa.getByTestId('queue-window');
    await expect(win).toBeVisible();

    // opens on what a level 1 can join: the arena, in its bracket
    await expect(option(pa, 'arena_1v1')).toHaveAttribute('aria-checked', 'true');
    await expect(option(pa, 'arena_1v1').getByTestId('queue-levels')).toHaveText('Lv 1–9 bracket');
    await expect(pa.getByTestId('queue-level-reason')).toHaveCount(0);
    await expect(pa.getByTestId('queue-join')).toBeEnabled();

    // the vault and the raid: their ranges, visibly locked
    for (const [queue, range] of [
      ['dungeon', 'Lv 14–30'],
      ['raid', 'Lv 34–50'],
    ] as const) {
      await expect(option(pa, queue)).toHaveAttribute('data-available', 'false');
      await expect(option(pa, queue)).toHaveClass(/is-locked/);
      await expect(option(pa, queue).getByTestId('queue-levels')).toContainText(range);
    }
    await option(pa, 'dungeon').click();
    await expect(pa.getByTestId('queue-level-reason')).toHaveText(
      'Arasaka Data Vault is for levels 14–30: you are level 1.',
    );
    await expect(pa.getByTestId('queue-join')).toBeDisabled();
    await expect(pa.getByTestId('queue-indicator')).toHaveCount(0);
    await shot(pa, info, 'finder-levels-desktop');

    // a level 20: the vault is open and takes them
    await cityPlayer(pb, 'Lw', 'solo', { level: 20 });
    await pb.getByTestId('game-canvas').focus();
    await pb.keyboard.press('k');
    await option(pb, 'dungeon').click();
    await expect(option(pb, 'dungeon')).toHaveAttribute('data-available', 'true');
    await expect(pb.getByTestId('queue-level-reason')).toHaveCount(0);
    await pb.getByTestId('queue-join').click();
    await expect(pb.getByTestId('queue-searching')).toHaveAttribute('data-queue', 'dungeon');
  } finally {
    await Promise.all([ca.close(), cb.close()]);
  }
});

test('on a phone the locked vault says why, portrait and landscape', async ({ browser }, info) => {
  test.setTimeout(90_000);
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  try {
    const page = await ctx.newPage();
    await cityPlayer(page, 'Lp', 'netrunner');
    await page.getByTestId('hud-queue').click();
    await option(page, 'dungeon').click();
    await expect(page.getByTestId('queue-level-reason')).toHaveText(
      'Arasaka Data Vault is for levels 14–30: you are level 1.',
    );
    await expect(page.getByTestId('queue-level-reason')).toBeInViewport();
    await expect(page.getByTestId('queue-join')).toBeDisabled();
    await shot(page, info, 'finder-levels-phone');
    await page.setViewportSize({ width: 844, height: 390 });
    await page.getByTestId('queue-level-reason').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('queue-level-reason')).toBeInViewport();
    await shot(page, info, 'finder-levels-phone-landscape');
  } finally {
    await ctx.close();
  }
});
