// The commodity market in two browsers (issue 29): at Watson's Exchange terminal Mia
// puts 30 circuit boards up for sale at 12 each (the fee shown before she places it);
// Kai finds them in the book and buys 20 — they land in his bag at once. Mia sees the
// partial fill on her order (20 of 30) and collects her earnings less the tax; Kai sees
// his order filled and the book's 10 left. Then the database: the fills, the ledger balanced.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { checkInvariants, grantItem } from '@necp/game';
import { marketFee, marketTax, zoneById } from '@necp/shared';
import { expect, test } from './test';
import {
  createCharacterViaApi,
  dismissDailyPopup,
  signUpViaApi,
  startAs,
  uid,
  playAs,
} from './helpers';
import { fundCharacter } from './fund';

const watson = zoneById('watson')!;
const exchange = watson.spawnPoints.find((p) => p.kind === 'auction_terminal')!;
const GOOD = 'circuit_board';

const hudEddies = async (page: Page) =>
  Number(await page.getByTestId('hud-eddies').getAttribute('data-value'));

const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

async function player(browser: Browser, tag: string, dx: number, eddies: number, boards = 0) {
  const context = await browser.newContext();
  opened.push(context);
  const page = await context.newPage();
  const id = uid();
  const name = `${tag}${id}`;
  await signUpViaApi(page, `mk${tag.toLowerCase()}${id}`);
  const characterId = await createCharacterViaApi(page, name, 'streetkid', 'solo');
  await startAs(characterId, { at: { x: exchange.x + dx, y: exchange.y + 2 } });
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await fundCharacter(db, characterId, eddies);
    if (boards > 0)
      await grantItem({ db }, { characterId, templateId: GOOD, quantity: boards, reason: 'admin' });
  } finally {
    await db.$disconnect();
  }
  await playAs(page, characterId, name);
  await dismissDailyPopup(page);
  return { page, name, characterId };
}

/** X beside the terminal opens the Exchange; its Market tab, the good picked */
async function openMarket(page: Page) {
  await expect(page.getByTestId('hint-auction')).toBeVisible();
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('KeyX');
  await expect(page.getByTestId('auction-window')).toBeVisible();
  await page.getByTestId('auction-tab-market').click();
  await page.locator(`[data-testid=market-good][data-template=${GOOD}]`).click();
}

test('one sells materials on the market, another buys part; both see the partial fill', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const mia = await player(browser, 'Mia', 0, 50, 30);
  const kai = await player(browser, 'Kai', 2, 1000);

  // Mia offers 30 at 12: the fee is shown before she places the order
  await openMarket(mia.page);
  await mia.page.getByTestId('market-side-sell').click();
  await expect(mia.page.getByTestId('market-stock')).toContainText('You have 30 to sell');
  await mia.page.getByTestId('market-price').fill('12');
  await mia.page.getByTestId('market-units').fill('30');
  await expect(mia.page.getByTestId('market-cost')).toContainText(`¥ ${marketFee(12, 30)}`);
  await mia.page.getByTestId('market-place').click();
  await expect(
    mia.page.getByTestId('toast').filter({ hasText: 'waits in the book' }),
  ).toBeVisible();
  await expect(mia.page.getByTestId('market-level-sell')).toContainText('30');

  // Kai reads the ask in the book and buys 20 at 12
  await openMarket(kai.page);
  await expect(kai.page.getByTestId('market-level-sell')).toContainText('¥ 12');
  await kai.page.getByTestId('market-side-buy').click();
  await kai.page.getByTestId('market-price').fill('12');
  await kai.page.getByTestId('market-units').fill('20');
  await kai.page.getByTestId('market-place').click();
  await expect(
    kai.page.getByTestId('toast').filter({ hasText: 'Bought 20 × Circuit Board' }),
  ).toBeVisible();
  await expect.poll(() => hudEddies(kai.page)).toBe(1000 - marketFee(12, 20) - 240);
  await expect(kai.page.getByTestId('market-level-sell')).toContainText('10');
  await kai.page.getByTestId('auction-tab-orders').click();
  await expect(kai.page.getByTestId('market-order').first()).toHaveAttribute(
    'data-state',
    'filled',
  );

  // Mia's order shows the partial fill; she collects what it earned, less the tax
  await mia.page.getByTestId('auction-tab-orders').click();
  const order = mia.page.getByTestId('market-order').first();
  await expect(order.getByTestId('market-order-status')).toContainText('open · 20 / 30');
  const earned = 240 - marketTax(12, 20);
  await expect(mia.page.getByTestId('market-collect-due')).toContainText(`¥ ${earned}`);
  await mia.page.getByTestId('market-collect-all').click();
  await expect.poll(() => hudEddies(mia.page)).toBe(50 - marketFee(12, 30) + earned);

  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const fills = await db.marketFill.findMany({ where: { templateId: GOOD, price: 12 } });
    expect(fills.reduce((n, f) => n + f.quantity, 0)).toBe(20);
    const kaiBoards = await db.item.aggregate({
      where: { characterId: kai.characterId, templateId: GOOD, container: 'BAG' },
      _sum: { quantity: true },
    });
    expect(kaiBoards._sum.quantity).toBe(20);
    expect(await checkInvariants(db, { characterIds: [mia.characterId, kai.characterId] })).toEqual(
      [],
    );
  } finally {
    await db.$disconnect();
  }
});
