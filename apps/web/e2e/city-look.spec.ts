// The city's look (issue 27) through the real client: the district's own style painted
// from cached tiles; the rain off for a browser that asks for reduced motion (the
// suite's) until the game menu turns it on, and a frame-rate cap the game's loop reads —
// both kept in this browser; the weapon in the own figure's hand following an equip made
// outside the game (the domain's equip → the outbox → the sim → char:stats). What the
// canvas drew is read from the test hook.
import { expect, test } from './test';
import { createDb } from '@necp/db';
import { equipItem, grantItem } from '@necp/game';
import { state } from './combat-helpers';
import { dismissDailyPopup, enterCity, newAccountWithCharacter, uid } from './helpers';

test('the district painted in its style; rain and a frame cap from the menu, kept; the weapon in hand follows an equip', async ({
  page,
}) => {
  const id = uid();
  const characterId = await newAccountWithCharacter(
    page,
    `looks${id}`,
    `Neon${id}`,
    'nomad',
    'solo',
  );
  await enterCity(page, `Neon${id}`);
  await dismissDailyPopup(page);

  // Watson, from tiles; reduced motion: no rain; the starter pistol in hand
  await expect.poll(async () => (await state(page)).city?.tiles ?? 0).toBeGreaterThan(0);
  expect((await state(page)).city).toMatchObject({ style: 'watson', rain: false });
  expect((await state(page)).self?.weapon).toBe('pistol_unity');

  // the game menu turns the weather on; it rains at once and after a reload
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('Escape');
  await page.getByTestId('display-weather').check();
  await expect.poll(async () => (await state(page)).city?.rain).toBe(true);
  const stored = async () =>
    JSON.parse((await page.evaluate(() => localStorage.getItem('necp.display'))) ?? '{}');
  expect(await stored()).toEqual({ weather: true, maxFps: 0 });
  // …and the frame rate capped at 30: the game's frame loop reads it at its next frame
  await expect(page.getByTestId('display-fps-0')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('display-fps-30').click();
  await expect(page.getByTestId('display-fps-30')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('display-fps-0')).toHaveAttribute('aria-checked', 'false');
  expect(await stored()).toEqual({ weather: true, maxFps: 30 });
  await expect.poll(async () => (await state(page)).frames?.cap).toBe(30);
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByTestId('hud-connection')).toHaveAttribute('data-state', 'connected');
  await expect.poll(async () => (await state(page)).city?.rain).toBe(true);
  // kept in this browser: the loop paints under the cap after the reload, the menu shows it
  const painted = (await state(page)).frames?.painted ?? 0;
  await expect.poll(async () => (await state(page)).frames).toMatchObject({ cap: 30 });
  await expect.poll(async () => (await state(page)).frames?.painted ?? 0).toBeGreaterThan(painted);
  // Esc clears a target or closes a layer before it opens the menu (use-hotkeys.ts)
  await page.getByTestId('game-canvas').focus();
  const menu = page.getByTestId('escape-menu');
  for (let i = 0; i < 4 && !(await menu.isVisible()); i++) await page.keyboard.press('Escape');
  await expect(page.getByTestId('display-fps-30')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // a knife equipped by the domain (test-only set-up): the figure draws it within a moment
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const [placed] = await grantItem(
      { db },
      { characterId, templateId: 'knife_combat', quantity: 1, reason: 'admin' },
    );
    await equipItem({ db }, { characterId, itemId: placed!.itemId });
  } finally {
    await db.$disconnect();
  }
  await expect.poll(async () => (await state(page)).self?.weapon).toBe('knife_combat');
});
