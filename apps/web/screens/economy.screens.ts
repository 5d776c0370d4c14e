// The gallery's economy (issue 28): a seller's lots on the Reef Exchange, browsed at
// Kabuki's auction terminal, at desktop and phone size, and Kabuki's workbench with a
// chemist's recipes — written to docs/screenshots/ by `pnpm screens`, like the rest of
// the gallery (gallery-kit.ts).
import type { Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import {
  currentSeason,
  grantItem,
  listItem,
  placeBid,
  placeSealedBid,
  recordCurrency,
  scheduleSealedLots,
  systemClock,
} from '@necp/game';
import { zoneById } from '@necp/shared';
import { expect, test } from '../e2e/test';
import { DESKTOP, PHONE, hero, inContext, shot } from './gallery-kit';

const watson = zoneById('watson')!;
const terminal = watson.spawnPoints.find((p) => p.kind === 'auction_terminal')!;
const workbench = watson.spawnPoints.find((p) => p.kind === 'crafting_station')!;
const LOTS = [
  ['rifle_copperhead', 1, 900, 1600],
  ['stim_basic', 10, 60, null],
  ['jacket_kevlar', 1, 240, 420],
  ['pistol_unity', 1, 110, null],
  ['scrap_metal', 40, 70, 120],
] as const;

/** A seller (in the database only) lists five lots; one has a bid. */
async function stockTheExchange(buyer: string) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const seller = await db.character.findFirstOrThrow({ where: { name: buyer } });
    // the seller needs no browser: a character of its own at the terminal
    const owner = await createTestUser(db);
    const other = await createTestCharacter(db, owner.id, { x: terminal.x - 1, y: terminal.y });
    const deps = { db, clock: systemClock };
    await db.$transaction(async (tx) => {
      await recordCurrency(tx, { reason: 'admin', characterId: other.id, delta: 5000 });
      await recordCurrency(tx, { reason: 'admin', characterId: seller.id, delta: 3000 });
    });
    const ids: string[] = [];
    for (const [templateId, quantity, startBid, buyout] of LOTS) {
      const [placed] = await grantItem(
        { db },
        { characterId: other.id, templateId, quantity, reason: 'admin' },
      );
      const l = await listItem(deps, {
        characterId: other.id,
        idempotencyKey: `lot-${ids.length}`,
        itemId: placed!.itemId,
        startBid,
        buyout,
        durationH: 24,
      });
      ids.push(l.id);
    }
    await placeBid(deps, { characterId: seller.id, listingId: ids[2]!, amount: 260 });
  } finally {
    await db.$disconnect();
  }
}

async function exchangeShot(page: Page, file: string) {
  const name = await hero(page, 'Mox', {
    origin: 'streetkid',
    cls: 'techie',
    at: { x: terminal.x + 1, y: terminal.y + 2 },
  });
  await stockTheExchange(name);
  await expect(page.getByTestId('hint-auction')).toBeVisible();
  await page.getByTestId('hint-auction').click();
  await expect(page.getByTestId('auction-row')).not.toHaveCount(0);
  await shot(page, file, 800);
}

test('gallery: the Reef Exchange, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, DESKTOP, (page) => exchangeShot(page, 'exchange-desktop'));
});

test('gallery: the Reef Exchange, phone', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, PHONE, (page) => exchangeShot(page, 'exchange-phone'));
});

/** The season's sealed lots at Kabuki's terminal: a rival's max on one, our own on another. */
async function lotsShot(page: Page, file: string) {
  const name = await hero(page, 'Jin', {
    origin: 'corpo',
    cls: 'solo',
    at: { x: terminal.x + 1, y: terminal.y + 2 },
  });
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const deps = { db, clock: systemClock };
    await scheduleSealedLots(deps, await currentSeason(db));
    const me = await db.character.findFirstOrThrow({ where: { name } });
    const owner = await createTestUser(db);
    const rival = await createTestCharacter(db, owner.id, { x: terminal.x - 1, y: terminal.y });
    await db.$transaction(async (tx) => {
      await recordCurrency(tx, { reason: 'admin', characterId: rival.id, delta: 90_000 });
      await recordCurrency(tx, { reason: 'admin', characterId: me.id, delta: 60_000 });
    });
    const lots = await db.auctionListing.findMany({
      where: { season: (await currentSeason(db)).key },
      orderBy: { lotSlot: 'asc' },
    });
    await placeSealedBid(deps, {
      characterId: rival.id,
      lotId: lots[0]!.id,
      max: lots[0]!.startBid + 4_000,
    });
    await placeSealedBid(deps, {
      characterId: rival.id,
      lotId: lots[1]!.id,
      max: lots[1]!.startBid,
    });
    await placeSealedBid(deps, {
      characterId: me.id,
      lotId: lots[1]!.id,
      max: lots[1]!.startBid + 2_500,
    });
  } finally {
    await db.$disconnect();
  }
  await expect(page.getByTestId('hint-auction')).toBeVisible();
  await page.getByTestId('hint-auction').click();
  await page.getByTestId('auction-tab-lots').click();
  await expect(page.getByTestId('auction-lot')).not.toHaveCount(0);
  await shot(page, file, 800);
}

test('gallery: the season’s sealed lots, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, DESKTOP, (page) => lotsShot(page, 'exchange-lots-desktop'));
});

test('gallery: the season’s sealed lots, phone', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, PHONE, (page) => lotsShot(page, 'exchange-lots-phone'));
});

/** A chemist at Kabuki's workbench with street loot in the bag, a recipe open. */
async function workbenchShot(page: Page, file: string) {
  const name = await hero(page, 'Sly', {
    origin: 'nomad',
    cls: 'techie',
    at: { x: workbench.x + 1, y: workbench.y + 1 },
  });
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const c = await db.character.findFirstOrThrow({ where: { name } });
    for (const [templateId, quantity] of [
      ['chem_precursor', 9],
      ['medi_gel', 4],
      ['polymer_resin', 2],
    ] as const)
      await grantItem({ db }, { characterId: c.id, templateId, quantity, reason: 'loot' });
    await db.craftSkill.create({ data: { characterId: c.id, discipline: 'chemistry', skill: 12 } });
  } finally {
    await db.$disconnect();
  }
  await expect(page.getByTestId('hint-crafting')).toBeVisible();
  await page.getByTestId('hint-crafting').click();
  const bench = page.getByTestId('crafting-window');
  await bench.getByTestId('craft-tab-chemistry').click();
  await bench.locator('[data-testid=recipe][data-recipe=ch_bounce_back]').click();
  await expect(bench.getByTestId('recipe-detail')).toBeVisible();
  await shot(page, file, 800);
}

test('gallery: the workbench, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, DESKTOP, (page) => workbenchShot(page, 'workbench-desktop'));
});

test('gallery: the workbench, phone', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, PHONE, (page) => workbenchShot(page, 'workbench-phone'));
});
