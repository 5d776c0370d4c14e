// Achievements and titles in the browser. Two new players in Watson become friends
// through the friends window (O): both earn "Someone to Call" in play — the sim's
// outbox worker counts it and pushes the toast. A opens the achievement window (Y):
// the Social tab, the achievement earned with its date and points, the points in the
// header. A title needs 10 friends at once ("Well Connected"): that friend count is
// published as the friend.added event straight in the e2e database (test-only); its
// toast arrives and the open window updates by itself. A picks the title in the
// selector (a toast); A's own nameplate shows it at once and B — who already sees A
// — gets A described again with it; clearing it takes it off B's screen too.
// Screenshots of the window at desktop and phone size, and of the plates.
import type { Page, TestInfo } from '@playwright/test';
import { createDb } from '@necp/db';
import { publishEvent } from '@necp/game';
import { expect, test } from './test';
import { state } from './combat-helpers';
import { dismissDailyPopup, uid, newPlayerInCity } from './helpers';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const toast = (page: Page, text: string) =>
  page.getByTestId('toast').filter({ hasText: text }).last();

const row = (page: Page, id: string) =>
  page.locator(`[data-testid=achievement-row][data-id="${id}"]`);

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** The title `viewer` sees under `name`'s plate (null: none; undefined: not in view). */
const titleSeen = async (viewer: Page, name: string) =>
  (await state(viewer)).entities.find((e) => e.kind === 'player' && e.name === name)?.title;

/**
 * Test-only: `characterId` holds 10 friends at once, as friend.added says when a 10th
 * friendship is accepted — published in the e2e database; the sim's worker delivers it.
 */
async function tenFriends(characterId: string, otherId: string) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db.$transaction((tx) =>
      publishEvent(tx, {
        type: 'friend.added',
        key: `friend.added:e2e:${characterId}:10`,
        payload: {
          characters: [
            { characterId, friends: 10 },
            { characterId: otherId, friends: 1 },
          ],
        },
      }),
    );
  } finally {
    await db.$disconnect();
  }
}

test('achievements: a first friend earned in play, the window (Y), a title on the nameplate', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const id = uid();
  const a = { user: `acha${id}`, char: `Ace${id}` };
  const b = { user: `achb${id}`, char: `Bud${id}` };
  const ctxA = await browser.newContext({ viewport: DESKTOP });
  const ctxB = await browser.newContext({ viewport: DESKTOP });
  const pa = await ctxA.newPage();
  const pb = await ctxB.newPage();
  let aId = '';
  let bId = '';
  await Promise.all([
    (async () => {
      aId = await newPlayerInCity(pa, a.user, a.char, 'streetkid', 'solo');
    })(),
    (async () => {
      bId = await newPlayerInCity(pb, b.user, b.char, 'nomad', 'netrunner');
    })(),
  ]);
  await Promise.all([dismissDailyPopup(pa), dismissDailyPopup(pb)]);

  // the help card and the action bar name the hotkey
  await expect(pa.getByTestId('hud-help')).toContainText('Y achievements');
  await expect(pa.getByTestId('hud-achievements')).toHaveAttribute('title', 'Achievements (Y)');
  // one more window button: the row still clears the centred ability bar
  const bar = (await pa.getByRole('navigation', { name: 'Windows' }).boundingBox())!;
  const abilities = (await pa.getByTestId('ability-bar').boundingBox())!;
  expect(bar.x).toBeGreaterThan(abilities.x + abilities.width);

  // nothing earned yet: the window opens on the first category, with 0 points
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('y');
  const panel = pa.getByTestId('achievements-panel');
  await expect(panel.getByTestId('achievements-points')).toHaveAttribute('data-value', '0');
  await expect(panel.getByTestId('achievements-list')).toHaveAttribute('data-category', 'combat');
  await expect(row(pa, 'ach_first_blood')).toHaveAttribute('data-state', 'open');
  await expect(panel.getByTestId('achievements-title')).toBeDisabled();
  await pa.keyboard.press('y');
  await expect(panel).toHaveCount(0);

  // real play: A asks B by name (friends window), B accepts
  await pa.keyboard.press('o');
  const add = pa.getByTestId('friends-panel').getByTestId('friend-add-input');
  await add.fill(b.char);
  await add.press('Enter');
  await expect(toast(pa, `Friend request sent to ${b.char}.`)).toBeVisible();
  await pa.getByRole('button', { name: 'Close friends' }).click();
  await pb.getByTestId('hud-friends').click();
  await pb
    .locator(`[data-testid=friend-request-row][data-name="${a.char}"]`)
    .getByTestId('friend-accept')
    .click();
  await expect(toast(pb, `You and ${a.char} are now friends.`)).toBeVisible();
  await pb.getByRole('button', { name: 'Close friends' }).click();

  // both earned "Someone to Call": the toast (the sim's outbox worker pushes it)
  await expect(toast(pa, 'Achievement earned: Someone to Call')).toBeVisible();
  await expect(toast(pb, 'Achievement earned: Someone to Call')).toBeVisible();

  // Y: the window opens on the latest earned one's category, earned with its date and points
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('y');
  await expect(panel.getByTestId('achievements-list')).toHaveAttribute('data-category', 'social');
  const first = row(pa, 'ach_first_friend');
  await expect(first).toHaveAttribute('data-state', 'earned');
  await expect(first.getByTestId('achievement-name')).toHaveText('Someone to Call');
  await expect(first.getByTestId('achievement-points')).toHaveText('5 pts');
  await expect(first.getByTestId('achievement-earned')).toContainText('Earned');
  await expect(panel.getByTestId('achievements-points')).toHaveAttribute('data-value', '5');
  await expect(panel.getByTestId('achievements-count')).toHaveText(/^1 \/ \d+$/);
  // the next one shows its progress and the title it brings
  const ten = row(pa, 'ach_friends_10');
  await expect(ten).toHaveAttribute('data-state', 'progress');
  await expect(ten.getByTestId('achievement-progress')).toHaveText('1 / 10');
  await expect(ten.getByTestId('achievement-title')).toHaveText('Title: the Connected');
  // a hidden one stays "???" until earned
  await panel.getByTestId('achievements-tab-loot').click();
  await expect(row(pa, 'ach_legendary_hoard').getByTestId('achievement-name')).toHaveText('???');
  await panel.getByTestId('achievements-tab-social').click();

  // test-only: a 10th friend at once — its toast, and the open window updates by itself
  await tenFriends(aId, bId);
  await expect(toast(pa, 'Achievement earned: Well Connected')).toBeVisible();
  await expect(ten).toHaveAttribute('data-state', 'earned');
  await expect(panel.getByTestId('achievements-points')).toHaveAttribute('data-value', '15');
  const select = panel.getByTestId('achievements-title');
  await expect(select).toBeEnabled();
  await expect(select.locator('option')).toHaveText(['None', 'the Connected']);
  await shot(pa, info, 'achievements-desktop');

  // the title: a toast; A's own plate at once; B, who sees A, gets A described again
  expect(await titleSeen(pb, a.char)).toBeNull();
  await select.selectOption('title_connected');
  await expect(toast(pa, 'Your title is now “the Connected”.')).toBeVisible();
  await expect(select).toHaveValue('title_connected');
  await expect.poll(async () => (await state(pa)).self?.title).toBe('the Connected');
  await expect.poll(() => titleSeen(pb, a.char), { timeout: 15_000 }).toBe('the Connected');
  await pa.getByRole('button', { name: 'Close achievements' }).click();
  await shot(pa, info, 'title-own-plate-desktop');
  await shot(pb, info, 'title-seen-by-other-desktop');

  // phone: the window is a sheet between the card and the ability bar
  await pa.setViewportSize(PHONE);
  await pa.getByTestId('hud-achievements').click();
  await expect(panel.getByTestId('achievements-list')).toBeVisible();
  const sheet = (await panel.boundingBox())!;
  expect(sheet.x).toBe(0);
  expect(sheet.width).toBe(PHONE.width);
  const card = (await pa.locator('.hud__self').boundingBox())!;
  expect(sheet.y).toBeGreaterThanOrEqual(card.y + card.height - 1);
  await shot(pa, info, 'achievements-phone');
  await panel.getByTestId('achievements-tab-combat').click();
  await shot(pa, info, 'achievements-combat-phone');

  // none: the plates lose it, B's too (on a desktop again: on a phone toasts wait while a
  // window covers the screen)
  await pa.setViewportSize(DESKTOP);
  await panel.getByTestId('achievements-tab-social').click();
  await panel.getByTestId('achievements-title').selectOption('');
  await expect(toast(pa, 'You show no title now.')).toBeVisible();
  await expect.poll(async () => (await state(pa)).self?.title).toBeNull();
  await expect.poll(() => titleSeen(pb, a.char), { timeout: 15_000 }).toBeNull();
  await Promise.all([ctxA.close(), ctxB.close()]);
});
