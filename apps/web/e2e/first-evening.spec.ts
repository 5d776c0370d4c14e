// Two new players' first evening (issue 25, "an economy wall"): A claims the day-1 login
// reward in the game and has what the level 1–2 quests pay (test setup: their eddies
// and items, from the content — nothing more), founds a guild with it, invites B (on a
// phone), who joins. At the Kabuki mail terminal A mails B a stim: postage a level-1
// purse pays, and BEFORE Send the compose window says when it will arrive — in 60 min:
// new accounts and guildmates of an hour get the anti-laundering delay — with the note
// and Send in view at 1400×900; the Sent tab shows it on its way. B's compose on a phone
// (portrait and landscape) keeps Send in view too. Screenshots attached.
import type { Page, TestInfo } from '@playwright/test';
import { createDb } from '@necp/db';
import { uniqTag } from '@necp/db/testing';
import { grantItem, recordCurrency } from '@necp/game';
import {
  GUILD_CREATE_FEE,
  MAIL_DELIVERY_DELAY_MS,
  QUESTS,
  loginRewardFor,
  mailPostage,
  zoneById,
} from '@necp/shared';
import { expect, test } from './test';
import {
  createCharacterViaApi,
  dismissDailyPopup,
  enterCity,
  newAccountWithCharacter,
  signUpViaApi,
  uid,
  walkTo,
} from './helpers';

const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
const LANDSCAPE = { width: 844, height: 390 };
const terminal = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'mail_terminal')!;
/** what a new character can do first: the level 1–2 quests */
const FIRST_QUESTS = QUESTS.filter((q) => q.level <= 2 && q.prerequisites.level <= 2);
const STIM = 'stim_basic';

const hudEddies = async (page: Page) =>
  Number(await page.getByTestId('hud-eddies').getAttribute('data-value'));
const toast = (page: Page, text: string) =>
  page.getByTestId('toast').filter({ hasText: text }).last();

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

/**
 * Test setup: the rewards of the first quests (their eddies and fixed items), as if
 * turned in, straight against the e2e database through the domain's ledgered grants.
 */
async function firstQuestsDone(characterId: string) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const eddies = FIRST_QUESTS.reduce((sum, q) => sum + q.rewards.eddies, 0);
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'quest', characterId, delta: eddies }),
    );
    for (const q of FIRST_QUESTS)
      for (const it of q.rewards.items)
        await grantItem(
          { db },
          { characterId, templateId: it.templateId, quantity: it.quantity, reason: 'quest' },
        );
    return eddies;
  } finally {
    await db.$disconnect();
  }
}

test('a first evening: a guild founded with early money, item mail with its delay shown before Send, and the Sent tab', async ({
  browser,
}, info) => {
  test.setTimeout(240_000);
  const id = uid();
  const a = { user: `evea${id}`, char: `Vee${id}` };
  const b = { user: `eveb${id}`, char: `Jackie${id}` };
  const guild = { name: `First Night ${id}`, tag: uniqTag() };
  const ctxA = await browser.newContext({ viewport: DESKTOP });
  // a real phone: touch (coarse pointer: the phone layout, portrait and on its side)
  const ctxB = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const pa = await ctxA.newPage();
  const pb = await ctxB.newPage();
  const [idA] = await Promise.all([
    (async () => {
      await signUpViaApi(pa, a.user);
      const characterId = await createCharacterViaApi(pa, a.char, 'streetkid', 'solo');
      await pa.goto('/characters');
      // the roster names where the character stands (the server's zone name)
      const card = pa.getByTestId('character-card').filter({ hasText: a.char });
      await expect(card.getByTestId('character-zone')).toHaveText('Watson');
      return characterId;
    })(),
    newAccountWithCharacter(pb, b.user, b.char, 'nomad', 'netrunner'),
  ]);
  // the phone's roster fits its screen: the card (name, Enter, Delete) ends inside it
  const cardB = await pb.getByTestId('character-card').filter({ hasText: b.char }).boundingBox();
  expect(cardB!.x + cardB!.width).toBeLessThanOrEqual(PHONE.width);
  expect(await pb.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  const quests = await firstQuestsDone(idA);
  await Promise.all([enterCity(pa, a.char), enterCity(pb, b.char)]);

  // A claims the day-1 login reward in the game
  const daily = pa.getByTestId('daily-reward');
  await expect(daily).toBeVisible();
  await daily.getByTestId('daily-claim').click();
  const purse = loginRewardFor(1).eddies + quests;
  await expect.poll(() => hudEddies(pa)).toBe(purse);
  expect(purse).toBeGreaterThanOrEqual(GUILD_CREATE_FEE);
  await daily.getByRole('button', { name: 'Close daily login' }).click();
  await dismissDailyPopup(pb);

  // A founds the guild: the fee is within reach
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('g');
  const panelA = pa.getByTestId('guild-panel');
  const fee = panelA.getByTestId('guild-create-fee');
  await expect(fee).toContainText(`¥${GUILD_CREATE_FEE}`);
  await expect(fee).toContainText(`you have ¥${purse}`);
  await expect(fee).not.toHaveClass(/is-short/);
  await panelA.getByTestId('guild-create-name').fill(guild.name);
  await panelA.getByTestId('guild-create-tag').fill(guild.tag);
  await panelA.getByTestId('guild-create-submit').click();
  await expect(toast(pa, `You founded [${guild.tag}] ${guild.name}.`)).toBeVisible();
  await expect.poll(() => hudEddies(pa)).toBe(purse - GUILD_CREATE_FEE);
  const invite = panelA.getByTestId('guild-invite-input');
  await invite.fill(b.char);
  await invite.press('Enter');
  await expect(toast(pa, `Guild invitation sent to ${b.char}.`)).toBeVisible();
  await pa.getByRole('button', { name: 'Close guild' }).click();

  // B joins from its phone
  await expect(pb.getByTestId('hud-guild-invites')).toHaveText('1');
  await pb.getByTestId('game-canvas').focus();
  await pb.keyboard.press('g');
  const panelB = pb.getByTestId('guild-panel');
  await panelB
    .locator(`[data-testid=guild-invite-row][data-tag=${guild.tag}]`)
    .getByTestId('guild-invite-accept')
    .click();
  await expect(panelB.getByTestId('guild-title')).toHaveText(`[${guild.tag}] ${guild.name}`);
  await pb.getByRole('button', { name: 'Close guild' }).click();

  // both at the mail terminal
  await Promise.all([
    walkTo(pa, terminal.x - 3.5, terminal.y - 2.8, 0.8),
    walkTo(pb, terminal.x + 1, terminal.y - 4.4, 0.8),
  ]);
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('m');
  const boxA = pa.getByTestId('mail-panel');
  await boxA.getByTestId('mail-tab-compose').click();
  await boxA.getByTestId('mail-to').fill(b.char);
  await boxA.getByTestId('mail-subject-input').fill(`Stims ${id}`);
  await boxA.getByTestId('mail-body').fill('For the next fight, choom.');
  // text only so far: at once
  const delivery = boxA.getByTestId('mail-delivery');
  await expect(delivery).toHaveAttribute('data-reason', 'text');
  await boxA.locator(`[data-testid=mail-bag-item][data-template=${STIM}]`).click();
  await pa.getByTestId('confirm-ok').click(); // the whole stack
  await expect(boxA.getByTestId('mail-postage')).toHaveAttribute(
    'data-value',
    String(mailPostage(1)),
  );
  // before Send: the server's quote for B — guildmates of minutes on new accounts wait
  await expect(delivery).toHaveAttribute('data-reason', 'stranger');
  await expect(delivery).toHaveAttribute('data-delay-ms', String(MAIL_DELIVERY_DELAY_MS));
  await expect(delivery).toContainText('Arrives in 60 min');
  await expect(delivery).toBeInViewport({ ratio: 1 });
  await expect(boxA.getByTestId('mail-send')).toBeInViewport({ ratio: 1 });
  await shot(pa, info, 'compose-desktop-1400x900');
  await boxA.getByTestId('mail-send').click();
  await expect(toast(pa, `Mail sent to ${b.char}`)).toContainText('it arrives in 60 min');
  await expect.poll(() => hudEddies(pa)).toBe(purse - GUILD_CREATE_FEE - mailPostage(1));

  // the Sent tab: on its way, with the time left
  await boxA.getByTestId('mail-tab-sent').click();
  const sent = boxA.locator('[data-testid=mail-sent-row]', { hasText: `Stims ${id}` });
  await expect(sent).toHaveAttribute('data-state', 'on_its_way');
  await expect(sent).toContainText(`to ${b.char}`);
  await expect(sent.getByTestId('mail-sent-state')).toHaveText(/^arrives in (60|59) min$/);
  await shot(pa, info, 'sent-desktop-1400x900');
  // the trade history is the character sheet's (C, anywhere): empty for a new player
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('c');
  const sheetA = pa.getByTestId('character-sheet');
  await sheetA.getByTestId('sheet-tab-trades').click();
  await expect(sheetA.getByTestId('trade-history-empty')).toContainText('No trades yet');
  await pa.keyboard.press('Escape');

  // B: nothing yet; its compose on a phone keeps the note and Send in view
  await pb.getByTestId('game-canvas').focus();
  await pb.keyboard.press('e');
  const boxB = pb.getByTestId('mail-panel');
  await expect(boxB.getByTestId('mail-empty')).toBeVisible();
  await boxB.getByTestId('mail-tab-compose').click();
  await boxB.getByTestId('mail-to').fill(a.char);
  await boxB.getByTestId('mail-subject-input').fill('thanks');
  await boxB.getByTestId('mail-eddies-input').fill('5');
  const deliveryB = boxB.getByTestId('mail-delivery');
  await expect(deliveryB).toHaveAttribute('data-reason', 'stranger');
  for (const size of [PHONE, LANDSCAPE]) {
    await pb.setViewportSize(size);
    await expect(deliveryB).toBeInViewport({ ratio: 1 });
    await expect(boxB.getByTestId('mail-send')).toBeInViewport({ ratio: 1 });
    await shot(pb, info, `compose-phone-${size.width}x${size.height}`);
  }

  await Promise.all([ctxA.close(), ctxB.close()]);
});
