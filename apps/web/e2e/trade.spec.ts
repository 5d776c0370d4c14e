// Face-to-face trade in two browsers (issue 28): Kira asks Jun with /trade in the chat;
// Jun accepts the request; the trade window opens on both sides. Kira drags a pistol
// from her bag onto her offer, Jun offers eddies; Kira's Accept is locked for a moment after Jun's
// change; she accepts, Jun lowers his offer — her accept is gone — and both accept again:
// the pistol and the eddies change hands, in the database and on both screens. Then a
// second trade ends when Jun closes his window, and both trade histories (the character
// sheet's Trades tab) show the two.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { grantItem } from '@necp/game';
import { expect, test } from './test';
import {
  createCharacterViaApi,
  dismissDailyPopup,
  enterCity,
  signUpViaApi,
  startAs,
  uid,
} from './helpers';
import { say } from './queue-helpers';

/** a quiet stretch of Watson's west edge: no contact, no pack, no other spec */
const SPOT = { x: 62, y: 460 };

/** The game tabs a test opened: closed after it (a tab left open runs its game loop on for
 * the rest of the worker's specs — two cores shared with every spec after it). */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

async function trader(browser: Browser, tag: string, dx: number) {
  const context = await browser.newContext();
  opened.push(context);
  const page = await context.newPage();
  const id = uid();
  const name = `${tag}${id}`;
  await signUpViaApi(page, `tr${tag.toLowerCase()}${id}`);
  const characterId = await createCharacterViaApi(page, name, 'streetkid', 'solo');
  await startAs(characterId, { at: { x: SPOT.x + dx, y: SPOT.y } });
  return { page, name, characterId };
}

async function enter(p: { page: Page; name: string }) {
  await p.page.goto('/characters');
  await enterCity(p.page, p.name);
  await dismissDailyPopup(p.page);
}

test('two players trade a pistol for eddies, face to face', async ({ browser }) => {
  const kira = await trader(browser, 'Kira', 0);
  const jun = await trader(browser, 'Jun', 2);
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  let pistolId: string;
  try {
    const [placed] = await grantItem(
      { db },
      { characterId: kira.characterId, templateId: 'pistol_unity', quantity: 1, reason: 'admin' },
    );
    pistolId = placed!.itemId;
    await db.character.update({ where: { id: jun.characterId }, data: { eddies: 75 } });
  } finally {
    await db.$disconnect();
  }
  await enter(kira);
  await enter(jun);

  // Kira asks in the chat; Jun sees the request and accepts it
  await kira.page.getByTestId('game-canvas').focus();
  await say(kira.page, `/trade ${jun.name}`);
  const request = jun.page.locator(`[data-testid=trade-request][data-from="${kira.name}"]`);
  await expect(request).toBeVisible();
  await request.getByTestId('trade-request-accept').click();
  for (const p of [kira.page, jun.page])
    await expect(p.getByTestId('trade-window')).toContainText('Trade with');

  // Kira drags the pistol from her bag onto her offer; Jun sees it on his side
  await kira.page
    .locator('[data-testid=trade-bag-item][data-template=pistol_unity]')
    .dragTo(kira.page.getByTestId('trade-mine'));
  await expect(kira.page.getByTestId('trade-mine').getByTestId('trade-item')).toHaveCount(1);
  await expect(
    jun.page
      .getByTestId('trade-theirs')
      .locator('[data-testid=trade-item][data-template=pistol_unity]'),
  ).toBeVisible();
  // Jun offers 75 eddies: Kira's Accept is locked for a moment after his change
  await jun.page.getByTestId('trade-eddies-input').fill('75');
  await jun.page.getByTestId('trade-eddies-set').click();
  await expect(kira.page.getByTestId('trade-theirs-eddies')).toHaveText('¥ 75');
  await expect(kira.page.getByTestId('trade-accept')).toBeDisabled();
  await expect(kira.page.getByTestId('trade-accept')).toBeEnabled({ timeout: 10_000 });
  await kira.page.getByTestId('trade-accept').click();
  await expect(jun.page.getByTestId('trade-theirs')).toHaveAttribute('data-accepted', 'true');
  // Jun changes his mind at the last moment (70, not 75): Kira's accept is gone, and she
  // must look again before she can accept the new offer
  await jun.page.getByTestId('trade-eddies-input').fill('70');
  await jun.page.getByTestId('trade-eddies-set').click();
  await expect(kira.page.getByTestId('trade-theirs-eddies')).toHaveText('¥ 70');
  await expect(kira.page.getByTestId('trade-mine')).toHaveAttribute('data-accepted', 'false');
  await expect(kira.page.getByTestId('trade-accept')).toBeEnabled({ timeout: 10_000 });
  await kira.page.getByTestId('trade-accept').click();
  await expect(jun.page.getByTestId('trade-theirs')).toHaveAttribute('data-accepted', 'true');
  await expect(jun.page.getByTestId('trade-accept')).toBeEnabled({ timeout: 10_000 });
  await jun.page.getByTestId('trade-accept').click();

  // done on both screens, and in the database
  for (const p of [kira.page, jun.page]) {
    await expect(
      p
        .getByTestId('toast')
        .filter({ hasText: /Trade with .* complete\./ })
        .last(),
    ).toBeVisible();
    await expect(p.getByTestId('trade-window')).toHaveCount(0);
  }
  const check = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const pistol = await check.item.findUniqueOrThrow({ where: { id: pistolId } });
    expect([pistol.characterId, pistol.reservation]).toEqual([jun.characterId, null]);
    const kiraRow = await check.character.findUniqueOrThrow({ where: { id: kira.characterId } });
    expect(kiraRow.eddies).toBeGreaterThanOrEqual(70);
  } finally {
    await check.$disconnect();
  }

  // a second trade, asked from the player menu's chat route again, closed by Jun's ×
  await say(kira.page, `/trade ${jun.name}`);
  await jun.page
    .locator(`[data-testid=trade-request][data-from="${kira.name}"]`)
    .getByTestId('trade-request-accept')
    .click();
  await expect(jun.page.getByTestId('trade-window')).toBeVisible();
  await jun.page.getByTestId('trade-cancel').click();
  await expect(
    kira.page.getByTestId('toast').filter({ hasText: 'was cancelled' }).last(),
  ).toBeVisible();
  await expect(kira.page.getByTestId('trade-window')).toHaveCount(0);

  // both histories, on the character sheet (C) wherever they stand: newest first
  for (const [p, other] of [
    [kira.page, jun.name],
    [jun.page, kira.name],
  ] as const) {
    await p.getByTestId('game-canvas').focus();
    await p.keyboard.press('c');
    const sheet = p.getByTestId('character-sheet');
    await sheet.getByTestId('sheet-tab-trades').click();
    const rows = sheet.getByTestId('trade-history-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-result', 'cancelled');
    await expect(rows.nth(1)).toHaveAttribute('data-result', 'completed');
    await expect(rows.nth(1)).toContainText(`with ${other}`);
  }
  await expect(kira.page.getByTestId('trade-history-row').nth(1)).toContainText(
    'gave Unity Pistol',
  );
});
