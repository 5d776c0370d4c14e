// The gallery's commodity market (issue 29): a book of chrome plating with a day of
// trades, at Kabuki's Exchange terminal, desktop and phone — written to
// docs/screenshots/ by `pnpm screens`, like the rest of the gallery (gallery-kit.ts).
import type { Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import { createLog, grantItem, placeOrder, recordCurrency, systemClock } from '@necp/game';
import { zoneById } from '@necp/shared';
import { expect, test } from '../e2e/test';
import { DESKTOP, PHONE, hero, inContext, shot } from './gallery-kit';

const watson = zoneById('watson')!;
const terminal = watson.spawnPoints.find((p) => p.kind === 'auction_terminal')!;
const GOOD = 'chrome_plating';
/** [side, price, units]: sells first (some trade with the buys after them) */
const ORDERS = [
  ['sell', 64, 20],
  ['sell', 61, 15],
  ['sell', 58, 12],
  ['buy', 59, 8],
  ['buy', 58, 10],
  ['sell', 66, 40],
  ['buy', 55, 25],
  ['buy', 53, 30],
  ['buy', 50, 60],
  ['sell', 72, 18],
] as const;

/** Traders (in the database only) fill the book; a few orders cross and trade. */
async function stockTheBook() {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const deps = { db, clock: systemClock, log: createLog('market-screens', 'silent') };
    for (const [side, price, quantity] of ORDERS) {
      const owner = await createTestUser(db);
      const c = await createTestCharacter(db, owner.id, { x: terminal.x - 1, y: terminal.y });
      await db.$transaction((tx) =>
        recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: 10_000 }),
      );
      if (side === 'sell')
        await grantItem({ db }, { characterId: c.id, templateId: GOOD, quantity, reason: 'admin' });
      await placeOrder(deps, {
        characterId: c.id,
        templateId: GOOD,
        side,
        price,
        quantity,
        idempotencyKey: 'stock',
      });
    }
  } finally {
    await db.$disconnect();
  }
}

async function marketShot(page: Page, file: string) {
  await hero(page, 'Ixa', {
    origin: 'corpo',
    cls: 'netrunner',
    at: { x: terminal.x + 1, y: terminal.y + 2 },
  });
  await stockTheBook();
  await expect(page.getByTestId('hint-auction')).toBeVisible();
  await page.getByTestId('hint-auction').click();
  await page.getByTestId('auction-tab-market').click();
  await page.locator(`[data-testid=market-good][data-template=${GOOD}]`).click();
  await expect(page.getByTestId('market-level-buy')).not.toHaveCount(0);
  await page.getByTestId('market-price').fill('61');
  await page.getByTestId('market-units').fill('10');
  await shot(page, file, 800);
}

test('gallery: the commodity market, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, DESKTOP, (page) => marketShot(page, 'exchange-market-desktop'));
});

test('gallery: the commodity market, phone', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, PHONE, (page) => marketShot(page, 'exchange-market-phone'));
});
