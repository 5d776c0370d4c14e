// The city's look (issue 27) through the real client: the district's own style painted
// from cached tiles, the rain off for a browser that asks for reduced motion (the
// suite's) until the game menu turns it on — kept in this browser — and the weapon in
// the own figure's hand following an equip made outside the game (the domain's equip →
// the outbox → the sim → char:stats). What the canvas drew is read from the test hook.
import { expect, test } from './test';
import { createDb } from '@necp/db';
import { equipItem, grantItem } from '@necp/game';
import { state } from './combat-helpers';
import { dismissDailyPopup, enterCity, newAccountWithCharacter, uid } from './helpers';

test('the district painted in its style; rain from the menu, kept; the weapon in hand follows an equip', async ({
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
  expect(
    JSON.parse((await page.evaluate(() => localStorage.getItem('necp.display'))) ?? '{}'),
  ).toEqual({
    weather: true,
  });
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByTestId('hud-connection')).toHaveAttribute('data-state', 'connected');
  await expect.poll(async () => (await state(page)).city?.rain).toBe(true);

  // a knife equipped by the domain (test-only set-up): the figure draws it within a moment
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const c = await db.character.findUniqueOrThrow({ where: { id: characterId } });
    const [placed] = await grantItem(
      { db },
      { characterId, templateId: 'knife_combat', quantity: 1, reason: 'admin' },
    );
    await equipItem({ db }, { userId: c.userId, characterId, itemId: placed!.itemId });
  } finally {
    await db.$disconnect();
  }
  await expect.poll(async () => (await state(page)).self?.weapon).toBe('knife_combat');
});
