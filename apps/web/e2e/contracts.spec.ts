// Player contracts in the browser (issue 29), each player in a browser of their own,
// anywhere in the city (no terminal):
// (a) Mia posts "deliver 20 scrap metal" for 400 eddies and 100 of collateral (the fee
//     shown before she posts); Kai finds it on the board, takes it (his collateral held),
//     gets the metal (test set-up: the domain's own grant), delivers; Mia confirms; Kai
//     sees the reward in his purse and rates Mia, whose public profile shows it.
// (b) A delivered contract (set up through the domain) is disputed by its poster in the
//     game; the taker adds to the case; a moderator rules a 60 / 40 split on the staff
//     arbitration page; both sides see the ruling and their purses settle.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createDb } from '@necp/db';
import {
  acceptContract,
  checkInvariants,
  deliverContract,
  grantItem,
  postContract,
  systemClock,
} from '@necp/game';
import { contractArbitrationFee, contractPostFee } from '@necp/shared';
import { expect, test } from './test';
import { createCharacterViaApi, dismissDailyPopup, signUpViaApi, uid, playAs } from './helpers';
import { fundCharacter } from './fund';

const GOOD = 'scrap_metal';

const hudEddies = async (page: Page) =>
  Number(await page.getByTestId('hud-eddies').getAttribute('data-value'));

const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

/** Test-only set-up against the e2e database (grants through the domain, ledgered). */
async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

async function account(browser: Browser, tag: string) {
  const context = await browser.newContext();
  opened.push(context);
  const page = await context.newPage();
  const id = uid();
  await signUpViaApi(page, `ct${tag.toLowerCase()}${id}`);
  return { page, id, username: `ct${tag.toLowerCase()}${id}` };
}

async function player(browser: Browser, tag: string, eddies: number) {
  const { page, id } = await account(browser, tag);
  const name = `${tag}${id}`;
  const characterId = await createCharacterViaApi(page, name, 'streetkid', 'solo');
  if (eddies > 0) await withDb((db) => fundCharacter(db, characterId, eddies));
  return { page, name, characterId };
}

async function play(p: { page: Page; name: string; characterId: string }) {
  await playAs(p.page, p.characterId, p.name);
  await dismissDailyPopup(p.page);
}

const row = (page: Page, contractId: string) =>
  page.locator(`[data-testid=contract-row][data-contract="${contractId}"]`);

async function openTab(page: Page, tab: 'board' | 'post' | 'mine', by: 'key' | 'button' = 'key') {
  if (!(await page.getByTestId('contracts-window').isVisible())) {
    if (by === 'key') {
      await page.getByTestId('game-canvas').focus();
      await page.keyboard.press('KeyP');
    } else await page.getByTestId('hud-contracts').click();
  }
  await expect(page.getByTestId('contracts-window')).toBeVisible();
  await page.getByTestId(`contracts-tab-${tab}`).click();
}

const toast = (page: Page, text: string) =>
  expect(page.getByTestId('toast').filter({ hasText: text }).first()).toBeVisible();

test('one posts a delivery on the board, another takes and delivers it, the poster pays', async ({
  browser,
}) => {
  const [mia, kai] = await Promise.all([player(browser, 'Mia', 1000), player(browser, 'Kai', 300)]);
  await Promise.all([play(mia), play(kai)]);

  // Mia posts from wherever she stands: the fee is shown before she posts
  await openTab(mia.page, 'post', 'button');
  await mia.page.getByTestId('contract-target-search').fill('scrap');
  await mia.page.locator(`[data-testid=contract-target][data-target=${GOOD}]`).click();
  await mia.page.getByTestId('contract-quantity').fill('20');
  await mia.page.getByTestId('contract-reward-input').fill('400');
  await mia.page.getByTestId('contract-collateral-input').fill('100');
  await mia.page.getByTestId('contract-note').fill('Clean metal only');
  await expect(mia.page.getByTestId('contract-fee')).toContainText(`¥ ${contractPostFee(400)}`);
  await mia.page.getByTestId('contract-post-go').click();
  await toast(mia.page, 'Posted: Deliver 20 × Scrap Metal');
  const mine = mia.page.getByTestId('contract-row').first();
  await expect(mine).toHaveAttribute('data-state', 'posted');
  const contractId = (await mine.getAttribute('data-contract'))!;
  await expect.poll(() => hudEddies(mia.page)).toBe(1000 - 400 - contractPostFee(400));

  // Kai finds it on the board by name, with Mia as the poster (no ratings yet), and takes it
  await openTab(kai.page, 'board');
  await kai.page.getByTestId('contract-filter-deliver').click();
  await kai.page.getByTestId('contract-search').fill('Scrap');
  await kai.page.getByTestId('contract-search-go').click();
  const offer = row(kai.page, contractId);
  await expect(offer).toContainText(mia.name);
  await expect(offer.getByTestId('contract-rating')).toHaveAttribute('data-count', '0');
  await expect(offer.getByTestId('contract-collateral')).toContainText('¥ 100');
  await offer.getByTestId('contract-accept').click();
  const dialog = kai.page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('¥ 100 of yours is held as collateral');
  await dialog.getByRole('button', { name: 'Take it' }).click();
  await toast(kai.page, 'Taken: Deliver 20 × Scrap Metal');
  const taken = row(kai.page, contractId);
  await expect(taken).toHaveAttribute('data-state', 'accepted');
  await expect(taken.getByTestId('contract-clock')).toContainText('deliver within');
  await expect.poll(() => hudEddies(kai.page)).toBe(200);

  // Kai gets the metal (test set-up) and delivers it
  await withDb((db) =>
    grantItem(
      { db },
      { characterId: kai.characterId, templateId: GOOD, quantity: 20, reason: 'admin' },
    ),
  );
  await taken.getByTestId('contract-deliver').click();
  await toast(kai.page, 'Delivered');
  await expect(taken).toHaveAttribute('data-state', 'delivered');

  // Mia is told (taken, then delivered) and confirms it; Kai is paid reward and collateral
  const hers = row(mia.page, contractId);
  await expect(hers).toHaveAttribute('data-state', 'delivered');
  await expect(hers).toContainText(kai.name);
  await hers.getByTestId('contract-confirm').click();
  await mia.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Confirm' }).click();
  await toast(mia.page, 'Confirmed');
  await expect(hers).toHaveAttribute('data-state', 'confirmed');
  await expect(taken).toHaveAttribute('data-state', 'confirmed');
  await expect.poll(() => hudEddies(kai.page)).toBe(200 + 400 + 100);

  // Kai rates Mia 5 stars; her public profile shows it
  await taken.getByTestId('contract-rate-5').click();
  await toast(kai.page, 'Rated 5 ★');
  await expect(taken.getByTestId('contract-rate')).toHaveCount(0);
  await kai.page.goto(`/players/${mia.name}`);
  await expect(kai.page.getByTestId('pp-contract-stars')).toHaveAttribute('data-count', '1');
  await expect(kai.page.getByTestId('pp-contract-rating')).toContainText('5.0 (1)');

  await withDb(async (db) => {
    const mail = await db.mail.findMany({
      where: { toId: mia.characterId, fromName: 'Contract board' },
      include: { attachments: { include: { item: true } } },
    });
    expect(
      mail.flatMap((m) => m.attachments.map((a) => [a.item.templateId, a.item.quantity])),
    ).toEqual([[GOOD, 20]]);
    expect(await checkInvariants(db, { characterIds: [mia.characterId, kai.characterId] })).toEqual(
      [],
    );
  });
});

test('a disputed contract is ruled by a moderator on the arbitration page; both sides see it', async ({
  browser,
}) => {
  const [ann, bo, mod] = await Promise.all([
    player(browser, 'Ann', 1000),
    player(browser, 'Bo', 0),
    account(browser, 'Judge'),
  ]);
  // set-up through the domain: Ann's contract, taken by Bo and delivered; the moderator
  const reward = 300;
  const contractId = await withDb(async (db) => {
    const deps = { db, clock: systemClock };
    const c = await postContract(deps, {
      characterId: ann.characterId,
      idempotencyKey: `e2e-${ann.characterId}`,
      kind: 'deliver',
      targetId: GOOD,
      quantity: 10,
      reward,
    });
    await acceptContract(deps, { characterId: bo.characterId, contractId: c.id });
    await grantItem(
      { db },
      { characterId: bo.characterId, templateId: GOOD, quantity: 10, reason: 'admin' },
    );
    await deliverContract(deps, { characterId: bo.characterId, contractId: c.id });
    await db.user.update({
      where: { usernameLower: mod.username.toLowerCase() },
      data: { role: 'MODERATOR' },
    });
    return c.id;
  });
  await Promise.all([play(ann), play(bo)]);

  // Ann disputes the delivery, with a reason
  await openTab(ann.page, 'mine');
  const hers = row(ann.page, contractId);
  await expect(hers).toHaveAttribute('data-state', 'delivered');
  await hers.getByTestId('contract-dispute').click();
  await hers.getByTestId('contract-dispute-reason').fill('Half of it is rust');
  await hers.getByTestId('contract-dispute-send').click();
  await toast(ann.page, 'Disputed');
  await expect(hers).toHaveAttribute('data-state', 'disputed');
  await expect(hers.getByTestId('contract-evidence')).toContainText('Half of it is rust');

  // Bo is told, and answers in the case
  await openTab(bo.page, 'mine');
  const his = row(bo.page, contractId);
  await expect(his).toHaveAttribute('data-state', 'disputed');
  await his.getByTestId('contract-evidence-input').fill('It was fresh from the Kabuki scrapyard');
  await his.getByTestId('contract-evidence-add').click();
  await expect(his.getByTestId('contract-evidence')).toContainText('fresh from the Kabuki');

  // the moderator reads both sides in the queue and rules a 60 / 40 split
  await mod.page.goto('/staff/arbitration');
  const card = mod.page.locator(`[data-testid=arbitration-case][data-contract="${contractId}"]`);
  await expect(card.getByTestId('arbitration-evidence')).toContainText('Half of it is rust');
  await expect(card.getByTestId('arbitration-evidence')).toContainText('fresh from the Kabuki');
  await expect(card.getByTestId('arbitration-delivered')).toContainText('Scrap Metal ×10');
  await card.getByTestId('arbitration-ruling-split').check();
  await card.getByTestId('arbitration-pct').fill('60');
  await expect(card.getByTestId('arbitration-sums')).toContainText('Taker gets ¥ 180');
  await card.getByTestId('arbitration-why').fill('Some of it was rust, most was fine.');
  await card.getByTestId('arbitration-rule').click();
  await expect(
    mod.page.locator(`[data-testid=arbitration-ruled][data-contract="${contractId}"]`),
  ).toContainText('Split: 60 % to the taker');
  await expect(card).toHaveCount(0);

  // both sides see the ruling, and their purses settle (the fee half each)
  const half = Math.ceil(contractArbitrationFee(reward) / 2);
  for (const r of [hers, his]) {
    await expect(r).toHaveAttribute('data-state', 'arbitrated');
    await expect(r.getByTestId('contract-ruling')).toContainText('Split: 60 % to the taker');
    await expect(r.getByTestId('contract-ruling')).toContainText('most was fine');
  }
  await expect.poll(() => hudEddies(bo.page)).toBe(180 - half);
  await expect
    .poll(() => hudEddies(ann.page))
    .toBe(1000 - reward - contractPostFee(reward) + (reward - 180) - half);
  await withDb(async (db) => {
    expect(await checkInvariants(db, { characterIds: [ann.characterId, bo.characterId] })).toEqual(
      [],
    );
  });
});
