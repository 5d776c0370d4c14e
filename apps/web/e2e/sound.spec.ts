// Sound (issue 27): silent until the player's first gesture in the game — no AudioContext
// before it — then the district's ambience, footsteps while walking, a click for each
// window opened and closed; the game menu's volumes and mute are kept in this browser
// and a silenced channel plays nothing. The sounds themselves are synthesised (ZzFX):
// what the test reads is the mixer's own record (window.__necp.state().sound).
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { state } from './combat-helpers';
import { dismissDailyPopup, hold, uid, newPlayerInCity } from './helpers';

const sound = async (page: Page) => {
  const s = (await state(page)).sound;
  expect(s, 'the game client reports its mixer').toBeDefined();
  return s!;
};
const played = async (page: Page) => (await sound(page)).played;

test('silent until the first gesture; ambience, steps and window clicks; volumes kept', async ({
  page,
}) => {
  const id = uid();
  await newPlayerInCity(page, `sound${id}`, `Echo${id}`, 'streetkid', 'solo');

  // in the city, nothing pressed since: no context, nothing played
  expect(await sound(page)).toEqual({
    unlocked: false,
    context: null,
    ambience: 'watson',
    played: [],
  });

  // the first gesture (closing the daily reward) starts the mixer and Watson's rain
  await dismissDailyPopup(page);
  await expect.poll(async () => (await sound(page)).unlocked).toBe(true);
  expect((await sound(page)).context).toBe('running');

  // a few metres east: footsteps
  await hold(page, 'd', 1500);
  await expect
    .poll(async () => (await played(page)).filter((p) => p === 'footstep').length)
    .toBeGreaterThanOrEqual(2);

  // the bag opens and closes with a click each
  await page.keyboard.press('i');
  await expect(page.getByTestId('inventory-panel')).toBeVisible();
  await expect.poll(async () => (await played(page)).at(-1)).toBe('ui_open');
  await page.keyboard.press('i');
  await expect(page.getByTestId('inventory-panel')).toHaveCount(0);
  await expect.poll(async () => (await played(page)).at(-1)).toBe('ui_close');

  // the game menu: effects to 0 and music off; the menu's own opening still clicks
  await page.keyboard.press('Escape');
  const panel = page.getByTestId('sound-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('volume-effects').fill('0');
  await panel.getByTestId('volume-music').fill('0');
  await expect(panel.getByTestId('volume-effects')).toHaveValue('0');
  await page.screenshot({ path: 'test-results/sound/menu.png' });
  const stored = await page.evaluate(() => localStorage.getItem('necp.sound'));
  expect(JSON.parse(stored ?? '{}')).toMatchObject({ effects: 0, music: 0 });
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // silenced: the bag opens without a sound
  const before = (await played(page)).length;
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('i');
  await expect(page.getByTestId('inventory-panel')).toBeVisible();
  await page.keyboard.press('i');
  await hold(page, 'a', 800);
  expect((await played(page)).length).toBe(before);

  // after a reload the menu shows the kept volumes, and mute is kept too
  await page.reload();
  await expect(page.getByTestId('hud-connection')).toHaveAttribute('data-state', 'connected');
  await dismissDailyPopup(page);
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('volume-effects')).toHaveValue('0');
  await expect(panel.getByTestId('volume-music')).toHaveValue('0');
  await panel.getByTestId('sound-mute').check();
  await page.reload();
  await expect(page.getByTestId('hud-connection')).toHaveAttribute('data-state', 'connected');
  await dismissDailyPopup(page);
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('sound-mute')).toBeChecked();
});
